import { MESSAGE_MAX_LENGTH } from "../messages/text";
import type { AppScreen } from "./events";
import { isAppScreen } from "./events";
import type { ActionEnvelope, ActionErrorCode } from "./protocol";

/** What an app may ask the inbox to do, with the vendor format's limits. */

export const ACTION_TEXT_MAX_LENGTH = MESSAGE_MAX_LENGTH;
export const TICKET_CODE_MAX_LENGTH = 50;

export type AppActionPayloads = {
  /** Puts text in the reply box without sending it. */
  fillInput: { text: string };
  /** Sends text to the customer of the open chat, as the signed-in operator. */
  sendMessage: { text: string };
  navigateToTicket: { ticketCode: string };
  /** A fresh token for the app (answered with `data: {token}`). */
  refreshToken: Record<string, never>;
};
export type AppActionName = keyof AppActionPayloads;

export type AppActionResults = {
  fillInput: undefined;
  sendMessage: undefined;
  navigateToTicket: undefined;
  refreshToken: { token: string };
};

export const ACTION_SCREEN: Record<AppActionName, AppScreen | "ANY"> = {
  fillInput: "CHATS",
  sendMessage: "CHATS",
  navigateToTicket: "TICKETS",
  refreshToken: "ANY",
};
export const APP_ACTIONS = Object.keys(ACTION_SCREEN) as AppActionName[];

export type ValidAction = { [K in AppActionName]: { action: K; payload: AppActionPayloads[K] } }[AppActionName];
export type ActionCheck = { ok: true; action: ValidAction } | { ok: false; code: ActionErrorCode; reason: string };

const refuse = (code: ActionErrorCode, reason: string): ActionCheck => ({ ok: false, code, reason });

function isAppActionName(value: unknown): value is AppActionName {
  return typeof value === "string" && Object.hasOwn(ACTION_SCREEN, value);
}

function checkText(field: string, value: unknown, maxLength: number): string | null {
  if (typeof value !== "string") return `payload.${field} must be a string.`;
  if (value.trim().length === 0) return `payload.${field} must not be empty.`;
  if (value.length > maxLength) return `payload.${field} must be at most ${maxLength} characters (got ${value.length}).`;
  return null;
}

function checkPayload(action: AppActionName, payload: unknown): { ok: true; payload: ValidAction["payload"] } | { ok: false; reason: string } {
  if (action === "refreshToken") {
    // The vendor format always sends a payload; an empty one (or none) is fine here.
    if (payload === undefined || payload === null) return { ok: true, payload: {} };
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return { ok: false, reason: "payload must be an object." };
  const record = payload as Record<string, unknown>;
  switch (action) {
    case "fillInput":
    case "sendMessage": {
      const problem = checkText("text", record["text"], ACTION_TEXT_MAX_LENGTH);
      return problem === null ? { ok: true, payload: { text: record["text"] as string } } : { ok: false, reason: problem };
    }
    case "navigateToTicket": {
      const problem = checkText("ticketCode", record["ticketCode"], TICKET_CODE_MAX_LENGTH);
      return problem === null ? { ok: true, payload: { ticketCode: (record["ticketCode"] as string).trim() } } : { ok: false, reason: problem };
    }
    case "refreshToken":
      return { ok: true, payload: {} };
  }
}

/**
 * Checks one action from an app against where the inbox is: the name it signs
 * with, a known action, the screen the action works on (which must be the screen
 * shown, and the one the app says it is on), then the payload. Every refusal
 * names the problem in one sentence.
 */
export function checkAction(envelope: ActionEnvelope, context: { appName: string; screen: AppScreen }): ActionCheck {
  if (envelope.appName !== context.appName) {
    return refuse("WRONG_APP", `The message names app "${String(envelope.appName)}", but this frame is "${context.appName}".`);
  }
  const { action } = envelope;
  if (!isAppActionName(action)) {
    return refuse("UNKNOWN_ACTION", `Unknown action "${String(action)}"; known actions: ${APP_ACTIONS.join(", ")}.`);
  }
  if (!isAppScreen(envelope.screen)) return refuse("WRONG_SCREEN", `screen must be one of CHATS, TICKETS, CONTACTS.`);
  const needed = ACTION_SCREEN[action];
  if (needed !== "ANY" && needed !== context.screen) {
    return refuse("WRONG_SCREEN", `${action} works on the ${needed} screen; this app is on ${context.screen}.`);
  }
  if (envelope.screen !== context.screen) {
    return refuse("WRONG_SCREEN", `The message says screen ${envelope.screen}; this app is on ${context.screen}.`);
  }
  const payload = checkPayload(action, envelope.payload);
  if (!payload.ok) return refuse("INVALID_PAYLOAD", payload.reason);
  return { ok: true, action: { action, payload: payload.payload } as ValidAction };
}
