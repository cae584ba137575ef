// The local mailbox: where `npm run dev` sends the emails the backend writes (replies to
// visitors who left the site), so a person can read them at http://127.0.0.1:5183/.
// It answers the one call the backend makes to a real provider, Resend's `POST /emails`
// (https://resend.com/docs/api-reference/emails/send-email), so development runs the same
// code as production, pointed here by OPENCOM_EMAIL_API_URL. Mails are kept in
// <data dir>/mailbox.json (the newest 500), so they survive a restart.
// `node examples/mailbox/serve.mjs`; OPENCOM_MAILBOX_PORT (5183) and OPENCOM_DATA_DIR override.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const KEEP = 500;
const MAX_BODY_BYTES = 1024 * 1024;

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]);

/** What Resend answers for a refused request: `{statusCode, name, message}`. */
function refuse(response, statusCode, name, message) {
  response.writeHead(statusCode, { "Content-Type": "application/json" }).end(JSON.stringify({ statusCode, name, message }));
}

/** The mail as stored, or the reason it is refused (named after the field). */
function parseMail(body) {
  let raw;
  try {
    raw = JSON.parse(body);
  } catch {
    return { problem: "The body must be JSON." };
  }
  if (raw === null || typeof raw !== "object") return { problem: "The body must be a JSON object." };
  const to = typeof raw.to === "string" ? [raw.to] : raw.to;
  if (typeof raw.from !== "string" || raw.from.trim() === "") return { problem: "`from` is required." };
  if (!Array.isArray(to) || to.length === 0 || to.some((address) => typeof address !== "string" || !address.includes("@"))) {
    return { problem: "`to` must be an email address or a list of them." };
  }
  if (typeof raw.subject !== "string" || raw.subject.trim() === "") return { problem: "`subject` is required." };
  if (typeof raw.text !== "string" && typeof raw.html !== "string") return { problem: "`text` or `html` is required." };
  return {
    mail: {
      from: raw.from,
      to,
      subject: raw.subject,
      text: typeof raw.text === "string" ? raw.text : null,
      html: typeof raw.html === "string" ? raw.html : null,
    },
  };
}

function page(mails) {
  const items = mails
    .map(
      (mail) => `<article>
  <h2>${escapeHtml(mail.subject)}</h2>
  <p class="meta">From ${escapeHtml(mail.from)} to ${escapeHtml(mail.to.join(", "))} · <time datetime="${new Date(mail.receivedAt).toISOString()}">${escapeHtml(new Date(mail.receivedAt).toLocaleString())}</time></p>
  ${mail.html !== null ? `<iframe title="${escapeHtml(mail.subject)}" sandbox srcdoc="${escapeHtml(mail.html)}"></iframe>` : ""}
  ${mail.text !== null ? `<details${mail.html === null ? " open" : ""}><summary>Plain text</summary><pre>${escapeHtml(mail.text)}</pre></details>` : ""}
</article>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="10">
<title>Local mailbox (${mails.length})</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 760px; padding: 16px; color: #1f2328; }
article { border: 1px solid #d0d7de; border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
h2 { font-size: 1.1em; margin: 0; } .meta { color: #57606a; margin: 4px 0 8px; }
iframe { width: 100%; min-height: 160px; border: 1px solid #eaeef2; border-radius: 6px; }
pre { white-space: pre-wrap; background: #f6f8fa; padding: 8px; border-radius: 6px; }
</style>
</head>
<body>
<main>
<h1>Local mailbox</h1>
<p>Emails the local backend sent, newest first. This page reloads every 10 seconds.</p>
${mails.length === 0 ? "<p>No emails yet. Reply from the inbox to a visitor who has left and has an email address: the email arrives a minute later.</p>" : items}
</main>
</body>
</html>`;
}

/** Starts the mailbox; `port` 0 picks a free one. Resolves with its URL and the mails. */
export async function startMailbox({ port = Number(process.env.OPENCOM_MAILBOX_PORT || 5183), file = join(resolve(process.env.OPENCOM_DATA_DIR || ".opencom-local"), "mailbox.json") } = {}) {
  /** Newest first. */
  let mails = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
  const save = () => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(mails, null, 2));
  };
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://x");
    if (request.method === "GET" && pathname === "/") {
      response.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        // The mails' HTML renders in sandboxed frames: no script runs, here or there.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-src 'self'",
        "Cache-Control": "no-store",
      });
      response.end(page(mails));
      return;
    }
    if (request.method === "GET" && pathname === "/emails") {
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ data: mails }));
      return;
    }
    if (request.method !== "POST" || pathname !== "/emails") {
      refuse(response, 404, "not_found", "The mailbox answers GET /, GET /emails and POST /emails.");
      return;
    }
    if (!/^Bearer \S+$/.test(request.headers.authorization ?? "")) {
      refuse(response, 401, "missing_api_key", "Send an API key as `Authorization: Bearer …` (any key works here).");
      return;
    }
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => {
      if (size > MAX_BODY_BYTES) return refuse(response, 413, "validation_error", "The email is larger than 1 MB.");
      const parsed = parseMail(Buffer.concat(chunks).toString("utf8"));
      if (parsed.problem !== undefined) return refuse(response, 422, "validation_error", parsed.problem);
      // As Resend does: the same Idempotency-Key gets the first answer, and no second mail.
      const key = request.headers["idempotency-key"];
      const earlier = typeof key === "string" ? mails.find((mail) => mail.idempotencyKey === key) : undefined;
      if (earlier === undefined) {
        mails = [{ id: randomUUID(), ...parsed.mail, idempotencyKey: typeof key === "string" ? key : null, receivedAt: Date.now() }, ...mails].slice(0, KEEP);
        save();
        console.log(`[mailbox] to ${parsed.mail.to.join(", ")}: ${parsed.mail.subject}`);
      }
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: (earlier ?? mails[0]).id }));
    });
  });
  await new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", done);
  });
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    mails: () => mails,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const mailbox = await startMailbox();
  console.log(`[mailbox] emails from the local backend: ${mailbox.url}/`);
}
