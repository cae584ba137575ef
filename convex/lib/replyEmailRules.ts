/*
 * Which operator replies go to a visitor by email, and what the email says. Pure: the
 * deployment's settings come in as an environment record, clocks as numbers.
 */

export type ReplyEmailTiming = {
  /** Replies written within this time of the first one go out in one email. */
  batchMs: number;
  /** A visitor seen (a message, an event, a heartbeat) this recently is still on the site. */
  connectedMs: number;
  /** While the visitor stays on the site without reading, look again for this long, then give up. */
  recheckForMs: number;
};

export const DEFAULT_REPLY_EMAIL_TIMING: ReplyEmailTiming = { batchMs: 60_000, connectedMs: 2 * 60_000, recheckForMs: 60 * 60_000 };

export const TIMING_VARIABLE = "OPENCOM_REPLY_EMAIL_TIMING";

/**
 * The timing with the deployment's overrides: `OPENCOM_REPLY_EMAIL_TIMING` as JSON, e.g.
 * `{"batchMs": 200, "connectedMs": 0}`, which is how tests run a minute's batch in milliseconds.
 */
export function replyEmailTiming(json: string | undefined): ReplyEmailTiming {
  if (json === undefined || json.trim() === "") return DEFAULT_REPLY_EMAIL_TIMING;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(`${TIMING_VARIABLE} must be JSON.`);
  }
  const timing = { ...DEFAULT_REPLY_EMAIL_TIMING };
  for (const key of Object.keys(DEFAULT_REPLY_EMAIL_TIMING) as Array<keyof ReplyEmailTiming>) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new Error(`${TIMING_VARIABLE}: ${key} must be a whole number of milliseconds.`);
    timing[key] = value;
  }
  return timing;
}

export const EMAIL_API_URL_VARIABLE = "OPENCOM_EMAIL_API_URL";
export const EMAIL_API_KEY_VARIABLE = "OPENCOM_EMAIL_API_KEY";
export const EMAIL_FROM_VARIABLE = "OPENCOM_EMAIL_FROM";

export type EmailConfig = { endpoint: string; apiKey: string; from: string };

/**
 * The deployment's email provider, or null when email is off (any of the three unset).
 * The API is Resend's `POST /emails` (https://resend.com/docs/api-reference/emails/send-email);
 * the local mailbox (examples/mailbox) answers the same call.
 */
export function emailConfig(env: Record<string, string | undefined>): EmailConfig | null {
  const base = env[EMAIL_API_URL_VARIABLE]?.trim();
  const apiKey = env[EMAIL_API_KEY_VARIABLE]?.trim();
  const from = env[EMAIL_FROM_VARIABLE]?.trim();
  if (!base || !apiKey || !from) return null;
  let endpoint: URL;
  try {
    endpoint = new URL(base.replace(/\/+$/, "") + "/emails");
  } catch {
    throw new Error(`${EMAIL_API_URL_VARIABLE} must be a URL, like https://api.resend.com.`);
  }
  return { endpoint: endpoint.toString(), apiKey, from };
}

export type VisitorState = { email: string | null; lastSeenAt: number; readAt: number | null };
export type Reply = { createdAt: number; authorName: string; body: string; files: Array<{ name: string; url: string | null }> };

export type EmailDecision =
  | { kind: "send"; replies: Reply[]; through: number }
  /** Nothing to email now; replies up to `through` never will be (seen, or nowhere to send). */
  | { kind: "skip"; through: number }
  /** The visitor is on the site and has not read them yet: look again later. */
  | { kind: "wait" };

/** What to do with the replies written after `coveredThrough`. */
export function decideReplyEmail(
  visitor: VisitorState,
  replies: readonly Reply[],
  coveredThrough: number,
  now: number,
  timing: ReplyEmailTiming = DEFAULT_REPLY_EMAIL_TIMING,
): EmailDecision {
  const fresh = replies.filter((reply) => reply.createdAt > coveredThrough);
  const through = Math.max(coveredThrough, ...fresh.map((reply) => reply.createdAt));
  const unread = fresh.filter((reply) => visitor.readAt === null || reply.createdAt > visitor.readAt);
  if (unread.length === 0 || visitor.email === null) return { kind: "skip", through };
  if (now - visitor.lastSeenAt < timing.connectedMs) {
    const newest = Math.max(...unread.map((reply) => reply.createdAt));
    return now - newest < timing.recheckForMs ? { kind: "wait" } : { kind: "skip", through };
  }
  return { kind: "send", replies: unread, through };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char);

export type ReplyEmail = { subject: string; text: string; html: string };

/** The email: each reply with its author and files; markdown stays as written (it reads as plain text). */
export function composeReplyEmail(workspaceName: string, replies: readonly Reply[], pageUrl: string | null): ReplyEmail {
  const subject = replies.length === 1 ? `New reply from ${workspaceName}` : `${replies.length} new replies from ${workspaceName}`;
  const footer = pageUrl === null ? "Reply in the chat on our site." : `Reply in the chat: ${pageUrl}`;
  const textParts = replies.map((reply) =>
    [`${reply.authorName}:`, reply.body, ...reply.files.map((file) => (file.url === null ? `📎 ${file.name}` : `📎 ${file.name}: ${file.url}`))]
      .filter((line) => line !== "")
      .join("\n"),
  );
  const htmlParts = replies.map((reply) => {
    const files = reply.files
      .map((file) => (file.url === null ? `<li>${escapeHtml(file.name)}</li>` : `<li><a href="${escapeHtml(file.url)}">${escapeHtml(file.name)}</a></li>`))
      .join("");
    return `<p><strong>${escapeHtml(reply.authorName)}</strong></p><p>${escapeHtml(reply.body).replace(/\n/g, "<br>")}</p>${files ? `<ul>${files}</ul>` : ""}`;
  });
  const htmlFooter = pageUrl === null ? escapeHtml(footer) : `<a href="${escapeHtml(pageUrl)}">Reply in the chat</a>`;
  return {
    subject,
    text: `${textParts.join("\n\n")}\n\n${footer}\n`,
    html: `<!doctype html><html><body>${htmlParts.join("<hr>")}<p>${htmlFooter}</p></body></html>`,
  };
}
