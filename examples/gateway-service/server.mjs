// An example chat gateway service: the outside side of an Opencom chat gateway, in plain
// Node with no dependencies. It stands in for a messenger bridge or a bot platform:
// - POST /send {chatId, text, sender?} sends a customer's message to the gateway's URI, signed;
// - POST /callback receives the operators' messages and events, checks X-Opencom-Sign over the
//   raw body in constant time, and keeps them (GET /events lists them);
// - a broadcast to a recipient whose id starts with "blocked" is reported back as failed.
// GET / is a small page to chat from a browser.
//
// `node examples/gateway-service/server.mjs`. Settings (environment):
//   OPENCOM_GATEWAY_PORT    port on 127.0.0.1 (default 5182)
//   OPENCOM_GATEWAY_URI     the gateway's URI        } both from the gateway's Settings page;
//   OPENCOM_GATEWAY_SECRET  the gateway's app secret } or, under `npm run dev`, from
//   OPENCOM_DEMO_JSON       the local backend's demo.json: the service then finds (or creates)
//                           the "Example gateway service" gateway with the demo admin key.
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { resolve } from "node:path";

const port = Number(process.env.OPENCOM_GATEWAY_PORT || 5182);
const GATEWAY_NAME = "Example gateway service";

export const sign = (secret, rawBody) => createHmac("sha256", secret).update(rawBody).digest("hex");

/** True when `header` is the lowercase hex HMAC-SHA256 of the raw body, compared in constant time. */
export function verify(header, rawBody, secret) {
  const expected = Buffer.from(sign(secret, rawBody));
  const given = Buffer.from(String(header ?? ""));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(request, limit = 1024 * 1024) {
  let raw = "";
  request.setEncoding("utf8");
  for await (const chunk of request) {
    raw += chunk;
    if (raw.length > limit) throw new Error("body too large");
  }
  return raw;
}

/** POSTs `body` to the gateway's URI, signed; resolves with the answer's status and JSON. */
export async function postToGateway(gateway, body) {
  const raw = JSON.stringify(body);
  const response = await fetch(gateway.uri, { method: "POST", headers: { "Content-Type": "application/json", "X-Opencom-Sign": sign(gateway.secret, raw) }, body: raw });
  return { status: response.status, json: await response.json().catch(() => null) };
}

const json = (response, status, body) => response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));

export function startGatewayService({ gateway, listenPort = port, failPrefix = "blocked" }) {
  const events = [];
  let sent = 0;
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://x");
    try {
      if (request.method === "POST" && pathname === "/callback") {
        const raw = await readBody(request);
        if (!verify(request.headers["x-opencom-sign"], raw, gateway.secret)) return json(response, 401, { success: false, error: "bad signature" });
        const body = JSON.parse(raw);
        events.push({ receivedAt: Date.now(), verified: true, body });
        json(response, 200, { success: true });
        // Answer first, then report what failed: the report is asynchronous, as the protocol allows.
        if (body.broadcast) {
          const failed = body.broadcast.recipients.filter((recipient) => recipient.id.startsWith(failPrefix));
          if (failed.length > 0) {
            const recipients = failed.map((recipient) => ({ ...recipient, error: "bot was blocked by the user" }));
            await postToGateway(gateway, { broadcast: { eventId: body.broadcast.eventId, recipients } });
          }
        }
        return;
      }
      if (request.method === "POST" && pathname === "/send") {
        const form = request.headers["content-type"]?.includes("application/json") ? JSON.parse(await readBody(request)) : Object.fromEntries(new URLSearchParams(await readBody(request)));
        const chatId = form.chatId || "chat-1";
        const sender = form.sender ?? { id: `customer-${chatId}`, type: form.platform || "telegram", name: form.name || "Customer" };
        const message = { id: form.id || `msg-${Date.now()}-${++sent}`, chatId, sender, date: Date.now(), text: form.text, ...(form.metadata ? { metadata: form.metadata } : {}) };
        const answer = await postToGateway(gateway, { message });
        if (request.headers.accept?.includes("application/json")) return json(response, answer.status, answer.json);
        return response.writeHead(303, { Location: "/" }).end();
      }
      if (request.method === "GET" && pathname === "/events") return json(response, 200, events);
      if (request.method === "GET" && pathname === "/") {
        response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'" });
        return response.end(page(events));
      }
      json(response, 404, { success: false, error: "not found" });
    } catch (error) {
      json(response, 400, { success: false, error: String(error?.message ?? error) });
    }
  });
  return new Promise((resolvePromise) => server.listen(listenPort, "127.0.0.1", () => resolvePromise({ server, events })));
}

const escape = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(events) {
  const rows = events
    .slice(-50)
    .reverse()
    .map((event) => `<li><pre>${escape(JSON.stringify(event.body))}</pre></li>`)
    .join("");
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Example gateway service</title>
<style>body{font:15px system-ui;max-width:760px;margin:2rem auto}pre{white-space:pre-wrap}label{display:block;margin:.4rem 0}</style>
<h1>Example gateway service</h1>
<form method="post" action="/send"><label>Chat id <input name="chatId" value="chat-1"></label><label>Your name <input name="name" value="Customer"></label>
<label>Message <input name="text" required></label><button>Send to Opencom</button></form>
<h2>Received from Opencom (signature verified)</h2><ul>${rows || "<li>Nothing yet.</li>"}</ul>`;
}

/** Under `npm run dev`: the demo workspace's gateway for this service, made once with the demo admin key. */
async function demoGateway(demoJsonPath) {
  const demo = JSON.parse(await readFile(demoJsonPath, "utf8"));
  // The ports in use now (npm run dev passes them), not the ones demo.json recorded on first start.
  const siteUrl = process.env.OPENCOM_SITE_PORT ? `http://127.0.0.1:${process.env.OPENCOM_SITE_PORT}` : demo.siteUrl;
  const api = async (path, init = {}) => {
    const response = await fetch(`${siteUrl}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${demo.adminApiKey}`, "Content-Type": "application/json" } });
    if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()).data;
  };
  const callbackUrl = `http://127.0.0.1:${port}/callback`;
  const existing = (await api("/gateways")).find((gateway) => gateway.name === GATEWAY_NAME);
  const gateway =
    existing === undefined
      ? await api("/gateways", { method: "POST", body: JSON.stringify({ name: GATEWAY_NAME, callbackUrl }) })
      : existing.callbackUrl === callbackUrl
        ? existing
        : await api(`/gateways/${existing.id}`, { method: "PATCH", body: JSON.stringify({ callbackUrl }) });
  return { uri: gateway.uri, secret: gateway.appSecret };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { OPENCOM_GATEWAY_URI: uri, OPENCOM_GATEWAY_SECRET: secret, OPENCOM_DEMO_JSON: demoJson } = process.env;
  const gateway = uri && secret ? { uri, secret } : demoJson ? await demoGateway(demoJson) : null;
  if (gateway === null) {
    console.error("[gateway] set OPENCOM_GATEWAY_URI and OPENCOM_GATEWAY_SECRET (or OPENCOM_DEMO_JSON)");
    process.exit(1);
  }
  await startGatewayService({ gateway });
  console.log(`[gateway] example gateway service on http://127.0.0.1:${port}/ (callback /callback)`);
}
