// The HTTP surfaces at their edges: an oversized body is refused with 413 and the keep-alive
// connection still serves the next request; a malformed Host header or request target is a
// 400, never a 500; stored files are reachable only through the random URL `storage.getUrl`
// gives, and storage ids are random, not a sequence.
import { request as httpRequest, Agent, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../local-backend/server/http-util";
import { BackendProcess, httpClient } from "../support/backend-process";

const backend = new BackendProcess();
beforeAll(() => backend.start());
afterAll(() => backend.dispose());

interface Sent {
  status: number;
  body: string;
  reusedSocket: boolean;
  headers: IncomingMessage["headers"];
}

function send(agent: Agent, url: string, method: string, body?: Buffer): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent, headers: body ? { "content-type": "application/octet-stream", "content-length": body.length } : {} }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += String(chunk)));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, reusedSocket: req.reusedSocket, headers: res.headers }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Sends raw bytes and returns the status line of the answer. */
function rawStatus(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += String(chunk);
      if (answer.includes("\r\n")) {
        socket.destroy();
        resolve(answer.slice(0, answer.indexOf("\r\n")));
      }
    });
    socket.on("error", reject);
  });
}

describe("oversized bodies", () => {
  const oversized = Buffer.alloc(MAX_BODY_BYTES + 1024 * 1024, 7);

  it.each([
    ["the client API", () => `${backend.apiUrl}/api/mutation`, () => `${backend.apiUrl}/health`],
    ["HTTP actions", () => `${backend.siteUrl}/echo`, () => `${backend.siteUrl}/health`],
  ])("answer 413 on %s and the same keep-alive connection serves the next request", async (_, target, next) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await send(agent, target(), "POST", oversized);
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.body)).toMatchObject({ code: "BodyTooLarge", message: `Request body exceeds ${MAX_BODY_BYTES} bytes` });
      const after = await send(agent, next(), "GET");
      expect(after.status).toBe(200);
      expect(after.reusedSocket).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});

describe("malformed requests", () => {
  it("answers a malformed Host header with 400 on both ports", async () => {
    for (const url of [backend.siteUrl, backend.apiUrl]) {
      expect(await rawStatus(url, "GET /health HTTP/1.1\r\nHost: bad host\r\n\r\n")).toBe("HTTP/1.1 400 Bad Request");
      expect(await rawStatus(url, "GET /health HTTP/1.1\r\nHost: [::1\r\n\r\n")).toBe("HTTP/1.1 400 Bad Request");
    }
  });

  it("answers a malformed request target with 400", async () => {
    expect(await rawStatus(backend.apiUrl, "GET http://[bad/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).toBe("HTTP/1.1 400 Bad Request");
    expect(await rawStatus(backend.siteUrl, "GET http://[bad/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).toBe("HTTP/1.1 400 Bad Request");
  });
});

describe("stored files", () => {
  const client = () => httpClient(backend.apiUrl);
  async function store(name: string, text: string): Promise<{ storageId: string; url: string }> {
    const uploadUrl = (await client().mutation("files:uploadUrl" as never, {} as never)) as string;
    const response = await fetch(uploadUrl, { method: "POST", headers: { "content-type": "text/plain" }, body: text });
    const { storageId } = (await response.json()) as { storageId: string };
    await client().mutation("files:save" as never, { storageId, name } as never);
    return { storageId, url: (await client().query("files:url" as never, { name } as never)) as string };
  }

  it("have random storage ids, not a sequence", async () => {
    const a = await store("id-a", "a");
    const b = await store("id-b", "b");
    for (const { storageId } of [a, b]) expect(storageId).toMatch(/^[0-9]{24}_storage$/);
    const gap = BigInt(b.storageId.slice(0, 24)) - BigInt(a.storageId.slice(0, 24));
    expect(gap < 0n ? -gap : gap).toBeGreaterThan(1_000_000n);
  });

  it("are served only at the random URL from storage.getUrl, never by storage id", async () => {
    const { storageId, url } = await store("secret", "private bytes");
    expect(url).toMatch(new RegExp(`^${backend.apiUrl}/api/storage/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`));
    expect(url).not.toContain(storageId);
    expect(await (await fetch(url)).text()).toBe("private bytes");
    for (const guess of [storageId, encodeURIComponent(storageId), randomUUID()]) {
      expect((await fetch(`${backend.apiUrl}/api/storage/${guess}`)).status).toBe(404);
    }
  });

  it("keep their URL across a restart", async () => {
    const { url } = await store("kept", "kept bytes");
    await backend.stop();
    await backend.start();
    expect((await client().query("files:url" as never, { name: "kept" } as never)) as string).toBe(url);
    expect(await (await fetch(url)).text()).toBe("kept bytes");
  });
});
