// The outgoing-call module end to end: the local backend runs the real convex/ app, a real
// HTTP receiver listens on loopback, fails twice with 500, then accepts. It must see the same
// signed delivery three times and nothing after it accepted.
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_BACKEND_ARGS, APP_DEV_ENV, APP_FUNCTIONS, BackendProcess, httpClient } from "../../support/backend-process";

type Received = { headers: IncomingHttpHeaders; body: string; status: number };

/** Verifies `Opencom-Signature` the way a receiver's docs tell it to, with Node's crypto only. */
function verify(header: string, body: string, secret: string, nowSeconds: number): boolean {
  const parts = header.split(",").map((part) => part.split("=") as [string, string]);
  const t = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isFinite(t) || Math.abs(nowSeconds - t) > 300) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  return parts.some(([key, value]) => key === "v1" && value.length === expected.length && timingSafeEqual(Buffer.from(value), expected));
}

describe("outgoing webhooks through the local backend", () => {
  // Started as `npm run backend` starts it: the secrets key made on first start, loopback allowed.
  const backend = new BackendProcess(APP_FUNCTIONS, APP_BACKEND_ARGS, {
    ...APP_DEV_ENV,
    OPENCOM_OUTGOING_POLICY: JSON.stringify({ webhook: { backoffBaseMs: 100, backoffCapMs: 400, timeoutMs: 3000 } }),
  });
  const received: Received[] = [];
  let receiver: Server;
  let hookUrl = "";

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = "";
      request.setEncoding("utf8");
      request.on("data", (chunk: string) => (body += chunk));
      request.on("end", () => {
        const status = received.length < 2 ? 500 : 200;
        received.push({ headers: request.headers, body, status });
        response.writeHead(status, { "Content-Type": "text/plain" }).end(status === 200 ? "ok" : "try later");
      });
    });
    await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/opencom-events`;
    await backend.start();
  });

  afterAll(async () => {
    await backend.dispose();
    await new Promise((done) => receiver.close(done));
  });

  it("retries after two 500s and delivers exactly once, signed", async () => {
    const demo = JSON.parse(readFileSync(join(backend.dataDir, "demo.json"), "utf8")) as { adminApiKey: string };
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${backend.siteUrl}/api/v1${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${demo.adminApiKey}`, "Content-Type": "application/json" },
      });
    const created = await api("/webhooks", { method: "POST", body: JSON.stringify({ url: hookUrl, events: ["message.created"] }) });
    expect(created.status).toBe(201);
    const { id: subscriptionId, secret } = ((await created.json()) as { data: { id: string; secret: string } }).data;

    const client = httpClient(backend.apiUrl);
    const session = (await client.action("widgetSessions:boot" as never, { workspaceId: "demo", sessionId: "webhook-visitor" } as never)) as { sessionToken: string };
    const sent = (await client.mutation("messages:send" as never, { sessionToken: session.sessionToken, body: "Hello from the widget", clientMessageId: "hook-1" } as never)) as { messageId: string };

    const deadline = Date.now() + 15_000;
    while (received.length < 3 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    // Time for a wrongful fourth call to show up.
    await new Promise((done) => setTimeout(done, 1000));
    expect(received.map((call) => call.status)).toEqual([500, 500, 200]);

    const nowSeconds = Math.floor(Date.now() / 1000);
    const deliveryIds = new Set(received.map((call) => call.headers["opencom-delivery-id"]));
    expect(deliveryIds.size).toBe(1);
    for (const call of received) {
      expect(call.body).toBe(received[0]?.body);
      expect(call.headers["opencom-event"]).toBe("message.created");
      expect(verify(String(call.headers["opencom-signature"]), call.body, secret, nowSeconds)).toBe(true);
      expect(verify(String(call.headers["opencom-signature"]), call.body, "not-the-secret", nowSeconds)).toBe(false);
    }
    const event = JSON.parse(received[0]?.body ?? "{}") as { type: string; data: { author: string; message: { id: string; body: string } } };
    expect(event).toMatchObject({ type: "message.created", data: { author: "visitor", message: { id: sent.messageId, body: "Hello from the widget" } } });

    const log = (await (await api(`/webhooks/${subscriptionId}/deliveries`)).json()) as { data: Array<{ id: string; status: string; attempts: number }> };
    expect(log.data).toMatchObject([{ status: "succeeded", attempts: 3 }]);
    const detail = (await (await api(`/webhooks/${subscriptionId}/deliveries/${log.data[0]?.id}`)).json()) as {
      data: { log: Array<{ outcome: string; statusCode: number; responseSnippet: string }> };
    };
    expect(detail.data.log.map((entry) => [entry.outcome, entry.statusCode, entry.responseSnippet])).toEqual([
      ["retry", 500, "try later"],
      ["retry", 500, "try later"],
      ["succeeded", 200, "ok"],
    ]);
  });
});
