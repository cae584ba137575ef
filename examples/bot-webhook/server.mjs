// An example bot server for Opencom's bot webhooks (docs/bots.md), on port 5180 by default.
// It answers the verification GET (?challenge=…&token=…) by echoing the challenge, checks the
// token on every call and, when it knows the connection's signing secret, the Opencom-Signature
// header; then it answers with one response of every type and an attribute the story routes on.
//   node examples/bot-webhook/server.mjs        (OPENCOM_BOT_PORT, OPENCOM_BOT_TOKEN override)
// `npm run dev` starts it; the demo workspace's active story calls it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { resolve } from "node:path";

const port = Number(process.env.OPENCOM_BOT_PORT || 5180);
const token = process.env.OPENCOM_BOT_TOKEN || "demo-bot-token";
const base = `http://127.0.0.1:${port}`;
let secret = process.env.OPENCOM_BOT_SIGNING_SECRET || null;

/**
 * The connection's signing secret: from OPENCOM_BOT_SIGNING_SECRET, or in development read
 * with the demo's admin key (GET /api/v1/integrations/webhook/{id} shows it). Null: not checked.
 */
async function currentSecret() {
  if (secret !== null || !process.env.OPENCOM_DEMO_JSON) return secret;
  const { siteUrl, adminApiKey } = JSON.parse(readFileSync(process.env.OPENCOM_DEMO_JSON, "utf8"));
  const headers = { Authorization: `Bearer ${adminApiKey}` };
  const list = await (await fetch(`${siteUrl}/api/v1/integrations/webhook?limit=100`, { headers })).json();
  const ours = Array.isArray(list) ? list.find((connection) => connection.url.startsWith(base)) : undefined;
  if (ours) secret = (await (await fetch(`${siteUrl}/api/v1/integrations/webhook/${ours.id}`, { headers })).json()).signingSecret ?? null;
  return secret;
}

/** `Opencom-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, within 5 minutes. */
export function verifySignature(header, rawBody, key) {
  const pairs = String(header ?? "").split(",").map((part) => part.trim().split("="));
  const t = Number(pairs.find(([name]) => name === "t")?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = Buffer.from(createHmac("sha256", key).update(`${t}.${rawBody}`).digest("hex"));
  return pairs.some(([name, value]) => name === "v1" && value?.length === expected.length && timingSafeEqual(Buffer.from(value), expected));
}

function sameToken(given) {
  const a = Buffer.from(String(given ?? ""));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** One response of every type the protocol has, and attributes the demo story routes on. */
export function answer(chat) {
  const said = String(chat.attributes?.last_message ?? "").toLowerCase();
  const name = chat.attributes?.name || chat.userAttributes?.default_name || "there";
  if (said.includes("person") || said.includes("human")) {
    return { responses: [{ type: "text", delay: 300, message: "Sure, let me find someone for you." }], attributes: { wants_human: "yes" } };
  }
  return {
    responses: [
      { type: "text", delay: 500, message: `Nice to meet you, **${name}**!` },
      { type: "randomText", delay: 500, messages: ["Here is what a bot can send:", "A quick tour of bot replies:"] },
      { type: "image", delay: 400, imageUrl: `${base}/logo.svg` },
      {
        type: "cards",
        delay: 600,
        elements: [
          {
            title: "Read the docs",
            subtitle: "How bots and webhooks work",
            imageUrl: `${base}/logo.svg`,
            buttons: [
              { type: "url", title: "Open docs", value: "https://github.com/" },
              { type: "webview", title: "Preview", value: `${base}/webview`, height: "tall" },
            ],
          },
          {
            title: "Call us",
            subtitle: "Weekdays, 9 to 5",
            imageUrl: `${base}/logo.svg`,
            buttons: [{ type: "phone", title: "Call", value: "+15555550100" }],
          },
        ],
      },
      {
        type: "buttons",
        delay: 500,
        title: "Anything else?",
        buttons: [
          { type: "postback", title: "Show me again", value: "again" },
          { type: "postback", title: "Talk to a person", value: "person" },
        ],
      },
    ],
    attributes: { demo_seen: "yes", wants_human: "no" },
  };
}

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"><rect width="120" height="60" rx="10" fill="#4f46e5"/><text x="60" y="38" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">bot</text></svg>`;
const WEBVIEW = `<!doctype html><meta charset="utf-8"><title>Preview</title><body style="font-family:sans-serif;padding:1rem"><h1>A webview</h1><p>This page runs in a sandboxed frame inside the messenger.</p></body>`;

export function startBotServer(listenPort = port) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", base);
    if (request.method === "GET" && url.pathname === "/logo.svg") return void response.writeHead(200, { "Content-Type": "image/svg+xml" }).end(LOGO);
    if (request.method === "GET" && url.pathname === "/webview") return void response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(WEBVIEW);
    if (url.pathname !== "/webhook") return void response.writeHead(404).end("Not found");
    if (!sameToken(url.searchParams.get("token"))) return void response.writeHead(401).end("Bad token");
    if (request.method === "GET") return void response.writeHead(200, { "Content-Type": "text/plain" }).end(url.searchParams.get("challenge") ?? "");
    let raw = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", async () => {
      const key = await currentSecret().catch(() => null);
      if (key !== null && !verifySignature(request.headers["opencom-signature"], raw, key)) return void response.writeHead(401).end("Bad signature");
      let chat;
      try {
        chat = JSON.parse(raw);
      } catch {
        return void response.writeHead(400).end("Bad JSON");
      }
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(answer(chat)));
    });
  });
  server.listen(listenPort, "127.0.0.1", () => console.log(`[bot-webhook] ${base}/webhook`));
  return server;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) startBotServer();
