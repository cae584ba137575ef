import { at, attempt, fail, integerIn, list, oneOf, onlyKeys, record, text, type Path } from "./check";
import { ATTRIBUTE_LIMITS, ATTRIBUTE_NAME, isWebUrl, PHONE_NUMBER, RESPONSE_LIMITS as L, UUID_V4, WEBVIEW_HEIGHTS, type WebviewHeight } from "./limits";

/*
 * Bot responses as the chatbot webhook protocol defines them, checked against
 * every limit it sets. One answer is checked whole: an invalid one shows
 * nothing partial, and the error names the field path.
 */

export type PostbackButton = { type: "postback"; title: string; value: string };
export type GotoButton = { type: "goto"; title: string; value: string };
export type UrlButton = { type: "url"; title: string; value: string };
export type WebviewButton = { type: "webview"; title: string; value: string; height: WebviewHeight };
export type PhoneButton = { type: "phone"; title: string; value: string };
export type ChoiceButton = PostbackButton | GotoButton;
export type BotButton = ChoiceButton | UrlButton | WebviewButton | PhoneButton;
export type BotCard = { title: string; subtitle: string; imageUrl: string; buttons: BotButton[] };

export type TextResponse = { type: "text"; delay: number; message: string };
export type ImageResponse = { type: "image"; delay: number; imageUrl: string };
export type QuickRepliesResponse = { type: "quickReplies"; delay: number; title: string; buttons: ChoiceButton[] };
export type CardsResponse = { type: "cards"; delay: number; elements: BotCard[] };
export type ButtonsResponse = { type: "buttons"; delay: number; title: string; buttons: BotButton[] };

/** A response as the visitor sees it: one text picked, nothing random left. */
export type ShownResponse = TextResponse | ImageResponse | QuickRepliesResponse | CardsResponse | ButtonsResponse;

/** A response as a bot sends it (randomText, and text with `elements`, are picked on the server). */
export type BotResponse =
  | ShownResponse
  | { type: "text"; delay: number; elements: string[] }
  | { type: "randomText"; delay: number; messages: string[] };

export type BotReply = { responses: BotResponse[]; attributes: Record<string, string> };

const CHOICE_TYPES = ["postback", "goto"] as const;
const BUTTON_TYPES = ["postback", "goto", "url", "webview", "phone"] as const;

function webUrl(value: unknown, path: Path, min: number, max: number): string {
  const url = text(value, path, min, max);
  if (url !== "" && !isWebUrl(url)) fail(path, "must be an http(s) URL");
  return url;
}

export function checkButton(raw: unknown, path: Path, allowed: readonly BotButton["type"][] = BUTTON_TYPES): BotButton {
  const value = record(raw, path);
  const type = oneOf(value["type"], at(path, "type"), allowed);
  onlyKeys(value, type === "webview" ? ["type", "title", "value", "height"] : ["type", "title", "value"], path);
  const titlePath = at(path, "title");
  const valuePath = at(path, "value");
  switch (type) {
    case "postback":
      return { type, title: text(value["title"], titlePath, 1, L.buttonTitleMax), value: text(value["value"], valuePath, 1, L.postbackValueMax) };
    case "goto": {
      const title = text(value["title"], titlePath, 1, L.buttonTitleMax);
      const target = text(value["value"], valuePath, 36, 36);
      if (!UUID_V4.test(target)) fail(valuePath, "must be a UUID v4 (a node id)");
      return { type, title, value: target };
    }
    case "url":
      // The protocol lets a url button's title and value be empty; an empty value is no link at all.
      return { type, title: text(value["title"], titlePath, 0, L.buttonTitleMax), value: webUrl(value["value"], valuePath, 1, L.urlMax) };
    case "webview": {
      const title = text(value["title"], titlePath, 1, L.buttonTitleMax);
      const target = webUrl(value["value"], valuePath, 1, L.urlMax);
      const height = value["height"] === undefined ? "compact" : oneOf(value["height"], at(path, "height"), WEBVIEW_HEIGHTS);
      return { type, title, value: target, height };
    }
    case "phone": {
      const title = text(value["title"], titlePath, 1, L.buttonTitleMax);
      const number = text(value["value"], valuePath, L.phoneMin, L.phoneMax);
      if (!PHONE_NUMBER.test(number)) fail(valuePath, "must be + followed by digits");
      return { type, title, value: number };
    }
  }
}

function buttons<T extends BotButton["type"]>(raw: unknown, path: Path, max: number, allowed: readonly T[]): Array<Extract<BotButton, { type: T }>> {
  return list(raw, path, 1, max).map((button, index) => checkButton(button, at(path, index), allowed) as Extract<BotButton, { type: T }>);
}

function card(raw: unknown, path: Path): BotCard {
  const value = record(raw, path);
  onlyKeys(value, ["title", "subtitle", "imageUrl", "buttons"], path);
  return {
    title: text(value["title"], at(path, "title"), 1, L.cardTitleMax),
    subtitle: text(value["subtitle"], at(path, "subtitle"), 1, L.cardSubtitleMax),
    imageUrl: webUrl(value["imageUrl"], at(path, "imageUrl"), 1, L.imageUrlMax),
    buttons: buttons(value["buttons"], at(path, "buttons"), L.cardButtonsMax, BUTTON_TYPES),
  };
}

const FIELDS: Record<BotResponse["type"], readonly string[]> = {
  text: ["type", "delay", "message", "elements"],
  randomText: ["type", "delay", "messages"],
  image: ["type", "delay", "imageUrl"],
  quickReplies: ["type", "delay", "title", "buttons"],
  cards: ["type", "delay", "elements"],
  buttons: ["type", "delay", "title", "buttons"],
};

export function checkResponse(raw: unknown, path: Path): BotResponse {
  const value = record(raw, path);
  const type = oneOf(value["type"], at(path, "type"), Object.keys(FIELDS) as Array<BotResponse["type"]>);
  onlyKeys(value, FIELDS[type], path);
  const delay = value["delay"] === undefined ? L.delayDefault : integerIn(value["delay"], at(path, "delay"), L.delayMin, L.delayMax);
  const texts = (key: string, max: number) =>
    list(value[key], at(path, key), 1, max).map((item, index) => text(item, at(at(path, key), index), 1, L.textMax));
  switch (type) {
    case "text":
      // The older form: `elements`, one of which is shown (as randomText does).
      if (value["message"] === undefined && value["elements"] !== undefined) return { type, delay, elements: texts("elements", L.randomTextMax) };
      if (value["elements"] !== undefined) fail(at(path, "elements"), "cannot be given with message");
      return { type, delay, message: text(value["message"], at(path, "message"), 1, L.textMax) };
    case "randomText":
      return { type, delay, messages: texts("messages", L.randomTextMax) };
    case "image":
      return { type, delay, imageUrl: webUrl(value["imageUrl"], at(path, "imageUrl"), 1, L.imageUrlMax) };
    case "quickReplies":
      return {
        type,
        delay,
        title: text(value["title"], at(path, "title"), 1, L.quickRepliesTitleMax),
        buttons: buttons(value["buttons"], at(path, "buttons"), L.quickRepliesButtonsMax, CHOICE_TYPES),
      };
    case "cards":
      return { type, delay, elements: list(value["elements"], at(path, "elements"), 1, L.cardsMax).map((item, index) => card(item, at(at(path, "elements"), index))) };
    case "buttons":
      return {
        type,
        delay,
        title: text(value["title"], at(path, "title"), 1, L.buttonsTitleMax),
        buttons: buttons(value["buttons"], at(path, "buttons"), L.buttonsMax, BUTTON_TYPES),
      };
  }
}

export function checkResponses(raw: unknown, path: Path): BotResponse[] {
  return list(raw, path, 0, L.responsesMax).map((item, index) => checkResponse(item, at(path, index)));
}

/** Attribute values arrive as strings; numbers and booleans are kept as their text. */
export function checkAttributes(raw: unknown, path: Path): Record<string, string> {
  const value = record(raw, path);
  const entries = Object.entries(value);
  if (entries.length > ATTRIBUTE_LIMITS.countMax) fail(path, `must hold at most ${ATTRIBUTE_LIMITS.countMax} attributes`);
  const out: Record<string, string> = {};
  for (const [name, item] of entries) {
    const itemPath = at(path, name);
    if (!ATTRIBUTE_NAME.test(name)) fail(itemPath, "is not a valid attribute name (letters, digits and _ only)");
    const shown = typeof item === "number" || typeof item === "boolean" ? String(item) : item;
    out[name] = text(shown, itemPath, 0, ATTRIBUTE_LIMITS.valueMax);
  }
  return out;
}

/** A webhook's answer: `responses` and/or `attributes`, both optional. */
export function validateBotReply(raw: unknown) {
  return attempt((): BotReply => {
    const value = record(raw, "");
    onlyKeys(value, ["responses", "attributes"], "");
    return {
      responses: value["responses"] === undefined ? [] : checkResponses(value["responses"], "responses"),
      attributes: value["attributes"] === undefined ? {} : checkAttributes(value["attributes"], "attributes"),
    };
  });
}

/** One shown response, as stored on a message and rendered by the widget and the inbox. */
export function validateShownResponse(raw: unknown) {
  return attempt((): ShownResponse => {
    const response = checkResponse(raw, "response");
    if (response.type === "randomText" || (response.type === "text" && "elements" in response)) {
      fail("response.type", "must be picked before it is shown");
    }
    return response;
  });
}

/**
 * Picks what the visitor sees: one of randomText's messages (or an older text's
 * elements), once, on the server, so every tab and the inbox show the same.
 */
export function pickShown(response: BotResponse, random: number): ShownResponse {
  const pick = (options: string[]) => options[Math.min(options.length - 1, Math.floor(random * options.length))] ?? "";
  if (response.type === "randomText") return { type: "text", delay: response.delay, message: pick(response.messages) };
  if (response.type === "text" && "elements" in response) return { type: "text", delay: response.delay, message: pick(response.elements) };
  return response;
}

/** A plain-text line for previews, notifications and the REST API. */
export function summarize(response: ShownResponse): string {
  switch (response.type) {
    case "text":
      return response.message;
    case "image":
      return "[image]";
    case "quickReplies":
    case "buttons":
      return response.title;
    case "cards":
      return response.elements.map((element) => element.title).join(" · ");
  }
}
