// @vitest-environment node
import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { validateBotReply } from "../../../core/bots";

type BotServerModule = {
  answer(chat: unknown): unknown;
  startBotServer(port: number): import("node:http").Server;
};
const serverModule = "../../../examples/bot-webhook/server.mjs";
let bot: BotServerModule;
let server: import("node:http").Server;
let base = "";

beforeAll(async () => {
  bot = (await import(/* @vite-ignore */ serverModule)) as BotServerModule;
  server = bot.startBotServer(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server?.close());

describe("the example bot server", () => {
  test("answers with one response of every type, all within the protocol's limits", () => {
    const reply = validateBotReply(bot.answer({ attributes: { name: "Ada", last_message: "Ada" }, userAttributes: {} }));
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(new Set(reply.value.responses.map((response) => response.type))).toEqual(new Set(["text", "randomText", "image", "cards", "buttons"]));
    const buttons = JSON.stringify(reply.value.responses);
    for (const type of ["url", "webview", "phone", "postback"]) expect(buttons).toContain(`"type":"${type}"`);
    expect(reply.value.attributes).toMatchObject({ wants_human: "no" });
    expect(bot.answer({ attributes: { last_message: "person" } })).toMatchObject({ attributes: { wants_human: "yes" } });
  });

  test("echoes the challenge with the right token only", async () => {
    expect(await (await fetch(`${base}/webhook?challenge=abc123&token=demo-bot-token`)).text()).toBe("abc123");
    expect((await fetch(`${base}/webhook?challenge=abc123&token=wrong`)).status).toBe(401);
  });

  test("answers a POST with the token (no signing secret configured here)", async () => {
    const body = JSON.stringify({ attributes: { name: "Ada" }, userAttributes: {} });
    const response = await fetch(`${base}/webhook?token=demo-bot-token`, { method: "POST", body, headers: { "Content-Type": "application/json" } });
    expect(response.status).toBe(200);
    expect(validateBotReply(await response.json()).ok).toBe(true);
  });

  test("its signature check accepts our scheme and refuses a wrong secret", async () => {
    const { verifySignature } = (await import(/* @vite-ignore */ serverModule)) as { verifySignature(h: string, b: string, k: string): boolean };
    const t = Math.floor(Date.now() / 1000);
    const header = `t=${t},v1=${createHmac("sha256", "s3cret").update(`${t}.{}`).digest("hex")}`;
    expect(verifySignature(header, "{}", "s3cret")).toBe(true);
    expect(verifySignature(header, "{}", "other")).toBe(false);
  });
});
