/**
 * The limits of bot responses, stories and webhook connections. The response
 * and connection limits are the chatbot webhook protocol's own, so a bot server
 * written for it works unchanged; the story and attribute limits are ours.
 * Pure constants: the widget, the inbox and the backend all read these.
 */

export const RESPONSE_LIMITS = {
  delayMin: 100,
  delayMax: 10_000,
  delayDefault: 1000,
  textMax: 1024,
  randomTextMax: 20,
  imageUrlMax: 2048,
  quickRepliesTitleMax: 640,
  quickRepliesButtonsMax: 13,
  buttonsTitleMax: 640,
  buttonsMax: 5,
  cardTitleMax: 80,
  cardSubtitleMax: 80,
  cardButtonsMax: 5,
  /** Ours: the protocol sets no count. */
  cardsMax: 10,
  buttonTitleMax: 20,
  postbackValueMax: 2000,
  urlMax: 2048,
  phoneMin: 3,
  phoneMax: 16,
  /** Ours: responses in one webhook answer or one story node. */
  responsesMax: 20,
} as const;

export const ATTRIBUTE_LIMITS = {
  /** Ours: attributes a conversation may hold. */
  countMax: 100,
  nameMax: 128,
  valueMax: 2000,
} as const;

export const STORY_LIMITS = {
  nameMax: 128,
  nodesMax: 200,
  nodeNameMax: 128,
  questionTextMax: 1024,
  routesMax: 20,
} as const;

export const CONNECTION_LIMITS = {
  nameMax: 128,
  urlMax: 1024,
  tokenMax: 1024,
  headersMin: 1,
  headersMax: 10,
  headerNameMax: 128,
  headerValueMax: 1024,
  authFieldMax: 1024,
} as const;

export const WEBVIEW_HEIGHTS = ["full", "tall", "compact"] as const;
export type WebviewHeight = (typeof WEBVIEW_HEIGHTS)[number];

/** Attribute names: letters, digits and underscores (what a route's `if.attribute` can name). */
export const ATTRIBUTE_NAME = /^[A-Za-z0-9_]{1,128}$/;
/** A UUID version 4, as `goto` values and story node ids are. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** `+` then digits, as the protocol's phone buttons are. */
export const PHONE_NUMBER = /^\+\d{2,}$/;

/**
 * Whether a link a bot sent may be opened: an absolute http(s) URL with a host
 * and no whitespace or control characters (so no javascript:, data:, or
 * relative paths). Checked the same way in the browser and on the server.
 */
export function isWebUrl(text: string): boolean {
  return /^https?:\/\/[^\s/?#@\\]+(?:[/?#][^\s\\]*)?$/i.test(text) && !/[\u0000-\u001f\u007f]/.test(text);
}
