import { describe, expect, test } from "vitest";
import {
  pickShown,
  validateBotReply,
  validateShownResponse,
} from "../../../../core/bots";

/*
 * Every limit of the chatbot webhook protocol's responses, at the limit and
 * one past it; errors name the field path.
 */

const s = (length: number, char = "a") => char.repeat(length);
const GOTO = "0e1a2425-76e3-49fd-bfc0-547603ab1fe3";
const postback = (title = "t", value = "v") => ({
  type: "postback",
  title,
  value,
});

function accepts(response: unknown) {
  const checked = validateBotReply({ responses: [response] });
  expect(checked, JSON.stringify(checked)).toMatchObject({ ok: true });
  return checked.ok ? checked.value.responses[0] : undefined;
}
function refuses(response: unknown, path: string) {
  const checked = validateBotReply({
    responses: [{ type: "text", message: "first" }, response],
  });
  expect(checked.ok).toBe(false);
  if (!checked.ok)
    expect(checked.path).toBe(path.replace("responses[0]", "responses[1]"));
}

/** `min` for URLs is the shortest this generator makes (the protocol bounds their length at 1). */
type Case = {
  name: string;
  at: (n: number) => unknown;
  min: number;
  max: number;
  path: string;
  noneBelow?: true;
};
const button = (over: object, wrap: (b: object) => unknown) =>
  wrap({ ...postback(), ...over });
const inButtons = (b: object) => ({
  type: "buttons",
  title: "T",
  buttons: [b],
});
const inCard = (b: object) => ({
  type: "cards",
  elements: [
    {
      title: "t",
      subtitle: "s",
      imageUrl: "https://x.test/i.png",
      buttons: [b],
    },
  ],
});
const card = (over: object) => ({
  type: "cards",
  elements: [
    {
      title: "t",
      subtitle: "s",
      imageUrl: "https://x.test/i.png",
      buttons: [postback()],
      ...over,
    },
  ],
});

const CASES: Case[] = [
  {
    name: "text message",
    at: (n) => ({ type: "text", message: s(n) }),
    min: 1,
    max: 1024,
    path: "responses[0].message",
  },
  {
    name: "text delay",
    at: (n) => ({ type: "text", message: "x", delay: n }),
    min: 100,
    max: 10_000,
    path: "responses[0].delay",
  },
  {
    name: "randomText count",
    at: (n) => ({
      type: "randomText",
      messages: Array.from({ length: n }, () => "m"),
    }),
    min: 1,
    max: 20,
    path: "responses[0].messages",
  },
  {
    name: "randomText message",
    at: (n) => ({ type: "randomText", messages: [s(n)] }),
    min: 1,
    max: 1024,
    path: "responses[0].messages[0]",
  },
  {
    name: "older text elements",
    at: (n) => ({
      type: "text",
      elements: Array.from({ length: n }, () => "e"),
    }),
    min: 1,
    max: 20,
    path: "responses[0].elements",
  },
  {
    name: "image url",
    at: (n) => ({ type: "image", imageUrl: `https://x.test/${s(n - 15)}` }),
    min: 16,
    max: 2048,
    path: "responses[0].imageUrl",
    noneBelow: true,
  },
  {
    name: "quickReplies title",
    at: (n) => ({ type: "quickReplies", title: s(n), buttons: [postback()] }),
    min: 1,
    max: 640,
    path: "responses[0].title",
  },
  {
    name: "quickReplies buttons",
    at: (n) => ({
      type: "quickReplies",
      title: "T",
      buttons: Array.from({ length: n }, () => postback()),
    }),
    min: 1,
    max: 13,
    path: "responses[0].buttons",
  },
  {
    name: "buttons title",
    at: (n) => ({ type: "buttons", title: s(n), buttons: [postback()] }),
    min: 1,
    max: 640,
    path: "responses[0].title",
  },
  {
    name: "buttons count",
    at: (n) => ({
      type: "buttons",
      title: "T",
      buttons: Array.from({ length: n }, () => postback()),
    }),
    min: 1,
    max: 5,
    path: "responses[0].buttons",
  },
  {
    name: "card title",
    at: (n) => card({ title: s(n) }),
    min: 1,
    max: 80,
    path: "responses[0].elements[0].title",
  },
  {
    name: "card subtitle",
    at: (n) => card({ subtitle: s(n) }),
    min: 1,
    max: 80,
    path: "responses[0].elements[0].subtitle",
  },
  {
    name: "card buttons",
    at: (n) => card({ buttons: Array.from({ length: n }, () => postback()) }),
    min: 1,
    max: 5,
    path: "responses[0].elements[0].buttons",
  },
  {
    name: "postback title",
    at: (n) => button({ title: s(n) }, inButtons),
    min: 1,
    max: 20,
    path: "responses[0].buttons[0].title",
  },
  {
    name: "postback value",
    at: (n) => button({ value: s(n) }, inButtons),
    min: 1,
    max: 2000,
    path: "responses[0].buttons[0].value",
  },
  {
    name: "goto title",
    at: (n) => button({ type: "goto", title: s(n), value: GOTO }, inButtons),
    min: 1,
    max: 20,
    path: "responses[0].buttons[0].title",
  },
  {
    name: "url value",
    at: (n) =>
      button({ type: "url", value: `https://x.test/${s(n - 15)}` }, inCard),
    min: 16,
    max: 2048,
    path: "responses[0].elements[0].buttons[0].value",
    noneBelow: true,
  },
  {
    name: "url title",
    at: (n) =>
      button({ type: "url", title: s(n), value: "https://x.test" }, inCard),
    min: 0,
    max: 20,
    path: "responses[0].elements[0].buttons[0].title",
  },
  {
    name: "webview title",
    at: (n) =>
      button(
        { type: "webview", title: s(n), value: "https://x.test" },
        inButtons,
      ),
    min: 1,
    max: 20,
    path: "responses[0].buttons[0].title",
  },
  {
    name: "webview value",
    at: (n) =>
      button(
        { type: "webview", value: `https://x.test/${s(n - 15)}` },
        inButtons,
      ),
    min: 16,
    max: 2048,
    path: "responses[0].buttons[0].value",
    noneBelow: true,
  },
  {
    name: "phone title",
    at: (n) => button({ type: "phone", title: s(n), value: "+123" }, inButtons),
    min: 1,
    max: 20,
    path: "responses[0].buttons[0].title",
  },
  {
    name: "phone value",
    at: (n) => button({ type: "phone", value: `+${s(n - 1, "1")}` }, inButtons),
    min: 3,
    max: 16,
    path: "responses[0].buttons[0].value",
  },
];

describe.each(CASES)("$name", ({ at, min, max, path, noneBelow }) => {
  test(`accepts ${min} and ${max}`, () => {
    accepts(at(min));
    accepts(at(max));
  });
  test(`refuses ${max + 1}${min > 0 && !noneBelow ? ` and ${min - 1}` : ""}, naming ${path}`, () => {
    refuses(at(max + 1), path);
    if (min > 0 && !noneBelow) refuses(at(min - 1), path);
  });
});

describe("formats", () => {
  test("delay defaults to 1000 and webview height to compact", () => {
    expect(accepts({ type: "text", message: "x" })).toMatchObject({
      delay: 1000,
    });
    expect(
      accepts(
        inButtons({ type: "webview", title: "w", value: "https://x.test" }),
      ),
    ).toMatchObject({ buttons: [{ height: "compact" }] });
  });
  test("webview height is full, tall or compact", () => {
    for (const height of ["full", "tall", "compact"])
      accepts(
        inButtons({
          type: "webview",
          title: "w",
          value: "https://x.test",
          height,
        }),
      );
    refuses(
      inButtons({
        type: "webview",
        title: "w",
        value: "https://x.test",
        height: "huge",
      }),
      "responses[0].buttons[0].height",
    );
  });
  test("goto values are UUID v4 node ids", () => {
    refuses(
      inButtons({
        type: "goto",
        title: "g",
        value: "0e1a2425-76e3-19fd-bfc0-547603ab1fe3",
      }),
      "responses[0].buttons[0].value",
    );
  });
  test("links are http(s) only", () => {
    for (const value of [
      "javascript:alert(1)",
      "data:text/html,x",
      "//x.test",
      "ftp://x.test",
      "https://a b.test",
    ]) {
      refuses(
        inButtons({ type: "url", title: "u", value }),
        "responses[0].buttons[0].value",
      );
    }
    refuses(
      { type: "image", imageUrl: "javascript:alert(1)" },
      "responses[0].imageUrl",
    );
  });
  test("phone numbers are + and digits", () => {
    refuses(
      inButtons({ type: "phone", title: "p", value: "123456" }),
      "responses[0].buttons[0].value",
    );
    refuses(
      inButtons({ type: "phone", title: "p", value: "+12 34" }),
      "responses[0].buttons[0].value",
    );
  });
  test("quick replies take postback and goto only", () => {
    refuses(
      {
        type: "quickReplies",
        title: "T",
        buttons: [{ type: "url", title: "u", value: "https://x.test" }],
      },
      "responses[0].buttons[0].type",
    );
  });
  test("unknown fields and types are named", () => {
    refuses(
      { type: "text", message: "x", colour: "red" },
      "responses[0].colour",
    );
    refuses({ type: "video", url: "x" }, "responses[0].type");
    expect(validateBotReply({ responses: [], extra: 1 })).toMatchObject({
      ok: false,
      path: "extra",
    });
  });
  test("attributes merge as text; names are checked", () => {
    expect(
      validateBotReply({ attributes: { plan: "vip", seats: 3, active: true } }),
    ).toEqual({
      ok: true,
      value: {
        responses: [],
        attributes: { plan: "vip", seats: "3", active: "true" },
      },
    });
    expect(validateBotReply({ attributes: { "bad name": "x" } })).toMatchObject(
      { ok: false, path: "attributes.bad name" },
    );
    expect(
      validateBotReply({ attributes: { x: { nested: 1 } } }),
    ).toMatchObject({ ok: false, path: "attributes.x" });
  });
  test("randomText and older text elements are picked once into a text", () => {
    const random = accepts({ type: "randomText", messages: ["a", "b", "c"] });
    expect(random && pickShown(random, 0.5)).toEqual({
      type: "text",
      delay: 1000,
      message: "b",
    });
    const older = accepts({ type: "text", elements: ["only"] });
    expect(older && pickShown(older, 0.99)).toEqual({
      type: "text",
      delay: 1000,
      message: "only",
    });
    expect(
      validateShownResponse({ type: "randomText", messages: ["a"] }),
    ).toMatchObject({ ok: false });
  });
});
