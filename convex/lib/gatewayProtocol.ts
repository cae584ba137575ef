import { z } from "zod";
import { MESSAGE_MAX_LENGTH } from "../../core/messages/text";
import { FILE_NAME_MAX } from "../../core/messages/attachments";
import { GATEWAY_LIMITS } from "./gatewayRules";

/*
 * What a gateway service may POST to its URI: a message, the close of a chat,
 * or a broadcast's error report. Every field has a size; a refusal names the
 * field by its path (`message.sender.id`).
 */

export const INBOUND_BODY_MAX_BYTES = 64 * 1024;

const id = (what: string) => z.string().trim().min(1, `${what} must not be empty.`).max(200, `${what} must be at most 200 characters.`);
const optionalText = (max: number) => z.string().max(max, `must be at most ${max} characters.`).optional();

const metadata = z
  .record(z.string().min(1).max(100, "keys must be at most 100 characters."), z.string().max(1000, "values must be at most 1000 characters."))
  .refine((value) => Object.keys(value).length <= 50, "must have at most 50 keys.");

const inboundMessage = z.strictObject({
  message: z
    .strictObject({
      id: id("message.id"),
      chatId: id("message.chatId"),
      sender: z.strictObject({
        id: id("message.sender.id"),
        type: z.string().trim().max(50, "must be at most 50 characters.").regex(/^[\w.-]*$/, "must be letters, digits, _ . or -.").optional(),
        name: optionalText(200),
        nickname: optionalText(200),
      }),
      date: z.number().int().nonnegative().optional(),
      text: z.string().max(MESSAGE_MAX_LENGTH, `must be at most ${MESSAGE_MAX_LENGTH} characters.`).optional(),
      metadata: metadata.optional(),
      file: z
        .strictObject({
          url: z.string().max(2048, "must be at most 2048 characters.").url("must be an absolute URL."),
          mime: z.string().max(100, "must be at most 100 characters."),
          size: z.number().int().nonnegative(),
          name: z.string().max(FILE_NAME_MAX, `must be at most ${FILE_NAME_MAX} characters.`).optional(),
        })
        .optional(),
    })
    .refine((message) => (message.text ?? "").trim() !== "" || message.file !== undefined, {
      message: "A message needs text or a file.",
      path: ["text"],
    }),
});

const inboundClose = z.strictObject({ close: z.strictObject({ chatId: id("close.chatId") }) });

const inboundBroadcastReport = z.strictObject({
  broadcast: z.strictObject({
    eventId: id("broadcast.eventId"),
    recipients: z
      .array(z.strictObject({ id: id("recipient id"), type: z.string().max(50).optional(), error: optionalText(1000) }))
      .max(GATEWAY_LIMITS.broadcastRecipientsMax)
      .optional(),
  }),
});

export const inboundBody = z.union([inboundMessage, inboundClose, inboundBroadcastReport]);
export type InboundBody = z.infer<typeof inboundBody>;
export type InboundMessage = z.infer<typeof inboundMessage>["message"];

export type InboundCheck = { ok: true; body: InboundBody } | { ok: false; field: string; message: string };

/** Parses a verified body; the failure names the field that is wrong. */
export function parseInbound(raw: unknown): InboundCheck {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, field: "body", message: "The body must be a JSON object." };
  }
  const kind = ["message", "close", "broadcast"].find((key) => key in raw);
  if (kind === undefined) return { ok: false, field: "body", message: "The body must hold message, close or broadcast." };
  const schema = kind === "message" ? inboundMessage : kind === "close" ? inboundClose : inboundBroadcastReport;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, body: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? kind : issue.path.join(".");
  const text = issue?.message ?? "is invalid";
  return { ok: false, field, message: text.startsWith(field) ? text : `${field}: ${text}` };
}

/** A service's clock may run this far ahead of ours. */
export const MESSAGE_DATE_SKEW_MS = 5 * 60 * 1000;
/** A message dated further back than this is refused: a week of backlog, not a replay of old history. */
export const MESSAGE_DATE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Why a message's `date` (ms since the epoch) cannot be its time, or null when it can. */
export function messageDateRefusal(date: number, now: number): string | null {
  if (date > now + MESSAGE_DATE_SKEW_MS) return "message.date: must not be more than 5 minutes in the future (check the service's clock).";
  if (date < now - MESSAGE_DATE_MAX_AGE_MS) return "message.date: must be within the last 7 days.";
  return null;
}

/**
 * The time a message is stored at: its `date` (or now without one), never later
 * than now (a date inside the allowed skew is clock drift) and never before the
 * newest message of its conversation, so that the conversation stays in the
 * order the service sent it and nothing lands above what an operator has
 * already read.
 */
export function inboundMessageTime(date: number | undefined, now: number, newestInConversation: number | null): number {
  return Math.max(Math.min(date ?? now, now), newestInConversation ?? 0);
}

/**
 * A 2xx answer whose body still says it failed (`{success: false, error}`, the
 * protocol's failure answer; `"false"` as a string counts too): the service's
 * error text, or null when the answer is a success (or says nothing either way).
 */
export function failedAnswerError(responseBody: string | null): string | null {
  if (responseBody === null || responseBody.trim() === "") return null;
  let json: unknown;
  try {
    json = JSON.parse(responseBody);
  } catch {
    return null;
  }
  if (typeof json !== "object" || json === null || !("success" in json)) return null;
  const { success, error } = json as { success: unknown; error?: unknown };
  if (success !== false && success !== "false") return null;
  const text = typeof error === "string" && error.trim() !== "" ? error.trim().slice(0, 500) : "no error given";
  return `The service answered success: false (${text})`;
}
