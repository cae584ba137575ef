import type { AppEventName, AppEventPayloads, AppScreen } from "./events";

/**
 * The postMessage envelope between the inbox and an app, in two vocabularies
 * with one meaning: ours (`OPENCOM_APP_*`) and the vendor "custom widgets" one
 * (`BM_WIDGET_*`), so an app written for that console runs unchanged.
 */

export const APP_PROTOCOLS = ["opencom", "bm-widget"] as const;
export type AppProtocol = (typeof APP_PROTOCOLS)[number];

export type Vocabulary = {
  event: string;
  action: string;
  actionResponse: string;
  /** What the first event is called on the wire. */
  readyEvent: string;
  /** The action field that carries the app's registered name. */
  nameField: "appName" | "widgetName";
  /** The query parameter that carries the app's token. */
  tokenParam: "opencomToken" | "bmtoken";
};

export const VOCABULARIES: Record<AppProtocol, Vocabulary> = {
  opencom: {
    event: "OPENCOM_APP_EVENT",
    action: "OPENCOM_APP_ACTION",
    actionResponse: "OPENCOM_APP_ACTION_RESPONSE",
    readyEvent: "app:ready",
    nameField: "appName",
    tokenParam: "opencomToken",
  },
  "bm-widget": {
    event: "BM_WIDGET_EVENT",
    action: "BM_WIDGET_ACTION",
    actionResponse: "BM_WIDGET_ACTION_RESPONSE",
    readyEvent: "widget:ready",
    nameField: "widgetName",
    tokenParam: "bmtoken",
  },
};

export function isAppProtocol(value: unknown): value is AppProtocol {
  return typeof value === "string" && (APP_PROTOCOLS as readonly string[]).includes(value);
}

export type EventMessage = { messageType: string; event: string; screen: AppScreen; payload: unknown; timestamp: number };

export function eventMessage<E extends AppEventName>(
  vocabulary: Vocabulary,
  event: E,
  screen: AppScreen,
  payload: AppEventPayloads[E],
  timestamp: number,
): EventMessage {
  const wireName = event === "app:ready" ? vocabulary.readyEvent : event;
  return { messageType: vocabulary.event, event: wireName, screen, payload, timestamp };
}

/** The event name an app sees, back in our terms (`widget:ready` is `app:ready`). */
export function eventNameFromWire(vocabulary: Vocabulary, wireName: string): string {
  return wireName === vocabulary.readyEvent ? "app:ready" : wireName;
}

export type ActionErrorCode =
  /** The message came from an origin outside the app's list. */
  | "ORIGIN_NOT_ALLOWED"
  /** The message names this app but did not come from its frame. */
  | "WRONG_SOURCE"
  | "MALFORMED"
  | "WRONG_APP"
  | "UNKNOWN_ACTION"
  | "WRONG_SCREEN"
  | "INVALID_PAYLOAD"
  | "RATE_LIMITED"
  | "FAILED"
  | "TIMEOUT";

export type ActionResponse = {
  messageType: string;
  requestId: string;
  success: boolean;
  /** One sentence naming the problem, on failure. */
  error?: string;
  /** A stable code for the failure, beside the sentence (an addition the vendor format lacks). */
  errorCode?: ActionErrorCode;
  data?: unknown;
};

export function successResponse(vocabulary: Vocabulary, requestId: string, data?: unknown): ActionResponse {
  const response: ActionResponse = { messageType: vocabulary.actionResponse, requestId, success: true };
  if (data !== undefined) response.data = data;
  return response;
}

export function failureResponse(vocabulary: Vocabulary, requestId: string, errorCode: ActionErrorCode, error: string): ActionResponse {
  return { messageType: vocabulary.actionResponse, requestId, success: false, error, errorCode };
}

export const REQUEST_ID_MAX_LENGTH = 100;

/** An action message as it came off the wire, before the action itself is checked. */
export type ActionEnvelope = { requestId: string; appName: unknown; action: unknown; screen: unknown; payload: unknown };

export type EnvelopeRead =
  | { kind: "ignore" }
  | { kind: "action"; envelope: ActionEnvelope }
  | { kind: "malformed"; requestId: string; reason: string };

/**
 * Reads a message that may be an action. Anything that is not this vocabulary's
 * action is ignored (other tools post messages too); an action without a usable
 * `requestId` is answered with an empty one so the app still learns why.
 */
export function readActionEnvelope(vocabulary: Vocabulary, data: unknown): EnvelopeRead {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { kind: "ignore" };
  const record = data as Record<string, unknown>;
  if (record["messageType"] !== vocabulary.action) return { kind: "ignore" };
  const requestId = record["requestId"];
  if (typeof requestId !== "string" || requestId.length === 0 || requestId.length > REQUEST_ID_MAX_LENGTH) {
    return { kind: "malformed", requestId: "", reason: `requestId must be a string of 1–${REQUEST_ID_MAX_LENGTH} characters.` };
  }
  return {
    kind: "action",
    envelope: {
      requestId,
      appName: record[vocabulary.nameField],
      action: record["action"],
      screen: record["screen"],
      payload: record["payload"],
    },
  };
}

/** The message an app posts for an action (used by the app author's kit). */
export function actionMessage(
  vocabulary: Vocabulary,
  appName: string,
  action: string,
  screen: AppScreen,
  payload: unknown,
  requestId: string,
): Record<string, unknown> {
  return { messageType: vocabulary.action, [vocabulary.nameField]: appName, action, screen, payload, requestId };
}
