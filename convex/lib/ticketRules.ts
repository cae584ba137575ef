import { MESSAGE_MAX_LENGTH } from "../../core/messages/text";
import { TICKET_STATES as CORE_TICKET_STATES } from "../../core/sla/types";
import { invalidArgument } from "./errors";
import type { TicketField, TicketState } from "./messengerValidators";

/**
 * Tickets, the pure part: the default form, checking a visitor's answers
 * against the workspace's form, and state changes with their history.
 */

export const TICKET_STATES: readonly TicketState[] = CORE_TICKET_STATES;
export const TICKET_TITLE_MAX = 200;
export const TICKET_NOTE_MAX = 1000;
/** Replies are messages: the same limit as the composer's. */
export const TICKET_REPLY_MAX = MESSAGE_MAX_LENGTH;
export const TICKET_HISTORY_MAX = 100;
export const FORM_FIELDS_MAX = 20;

const VALUE_MAX: Record<TicketField["type"], number> = { text: 500, textarea: 5000, email: 320, select: 200 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What a workspace's form holds until an operator configures one. */
export const DEFAULT_TICKET_FIELDS: TicketField[] = [
  { id: "description", label: "Describe the problem", type: "textarea", required: true },
];

export function checkTicketTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length === 0) throw invalidArgument("title", "title must not be empty.");
  if (trimmed.length > TICKET_TITLE_MAX) throw invalidArgument("title", `title must be at most ${TICKET_TITLE_MAX} characters.`);
  return trimmed;
}

/** A reply's body, trimmed; INVALID_ARGUMENT names `body` when empty or too long. */
export function checkTicketReply(body: string): string {
  const trimmed = body.trim();
  if (trimmed.length === 0) throw invalidArgument("body", "body must not be empty.");
  if (trimmed.length > TICKET_REPLY_MAX) throw invalidArgument("body", `body must be at most ${TICKET_REPLY_MAX} characters.`);
  return trimmed;
}

/**
 * The answers, trimmed, keyed by field id; blank optional answers dropped.
 * INVALID_ARGUMENT names the field as `fields.<id>`: unknown ids, missing
 * required answers, values too long, bad emails, choices not offered.
 */
export function checkTicketAnswers(form: readonly TicketField[], answers: Record<string, string>): Record<string, string> {
  const byId = new Map(form.map((field) => [field.id, field]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) throw invalidArgument(`fields.${id}`, `The form has no field "${id}".`);
  }
  const result: Record<string, string> = {};
  for (const field of form) {
    const path = `fields.${field.id}`;
    const value = (answers[field.id] ?? "").trim();
    if (value === "") {
      if (field.required) throw invalidArgument(path, `${field.label} is required.`);
      continue;
    }
    if (value.length > VALUE_MAX[field.type]) {
      throw invalidArgument(path, `${field.label} must be at most ${VALUE_MAX[field.type]} characters.`);
    }
    if (field.type === "email" && !EMAIL.test(value)) throw invalidArgument(path, `${field.label} must be an email address.`);
    if (field.type === "select" && !(field.options ?? []).includes(value)) {
      throw invalidArgument(path, `${field.label} must be one of the offered choices.`);
    }
    result[field.id] = value;
  }
  return result;
}

type HistoryEntry = { state: TicketState; at: number; note?: string };

/**
 * A state change (or a note on the current state) appended to the history;
 * the oldest entries beyond the cap are dropped, the first one always kept.
 */
export function withStateChange(
  history: readonly HistoryEntry[],
  state: TicketState,
  now: number,
  note?: string,
): HistoryEntry[] {
  const entry: HistoryEntry = note === undefined ? { state, at: now } : { state, at: now, note };
  const next = [...history, entry];
  if (next.length <= TICKET_HISTORY_MAX) return next;
  const [first, ...rest] = next;
  return first === undefined ? rest : [first, ...rest.slice(rest.length - (TICKET_HISTORY_MAX - 1))];
}
