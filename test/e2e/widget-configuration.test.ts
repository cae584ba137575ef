// Widget configurations in Chromium: an open widget re-themes after a PATCH, without a
// reload (screenshots before and after under test-results/), and an `emit` listener of a
// configuration picked with data-opencom-configuration-id reaches the host page's handler.
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { ALWAYS_OPEN, callWidget, quietEngagement, setMessenger, shows } from "./support/messenger";
import { startStack, type Stack } from "./support/stack";

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const RESULTS = resolve(import.meta.dirname, "../../test-results");

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  await quietEngagement(stack);
  await setMessenger(stack, { officeHours: ALWAYS_OPEN });
  mkdirSync(RESULTS, { recursive: true });
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await stack?.close();
});

async function rest(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; etag: string | null; json: any }> {
  const response = await fetch(`${stack.demo.siteUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${stack.demo.adminApiKey}`, "Content-Type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, etag: response.headers.get("ETag"), json: await response.json() };
}

async function openPage(query = ""): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${stack.site.url}/configuration.html${query}`);
  return page;
}

const launcherStyle = (page: Page) =>
  page.getByRole("button", { name: /messenger/ }).evaluate((element) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return { background: style.backgroundColor, width: Math.round(box.width), left: Math.round(box.left) };
  });

describe("widget configurations in the browser", () => {
  it("an open widget re-themes after a PATCH of the default configuration, without a reload", async () => {
    const list = await rest("GET", "/widget/configurations");
    const defaultId: string = list.json.data.find((item: { isDefault: boolean }) => item.isDefault).id;
    const page = await openPage();
    await page.getByRole("button", { name: "Open messenger" }).click();
    await shows(page.getByRole("button", { name: "Close messenger" }));
    await shows(page.locator(".oc-panel"));
    const before = await launcherStyle(page);
    await page.screenshot({ path: resolve(RESULTS, "widget-configuration-before.png") });
    let reloaded = false;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) reloaded = true;
    });

    const current = await rest("GET", `/widget/configurations/${defaultId}`);
    const patchedAt = Date.now();
    const patched = await rest(
      "PATCH",
      `/widget/configurations/${defaultId}`,
      { theme: { primaryColor: "rgb(15, 118, 110)", widgetSize: "large", borderRadius: "4px" }, layout: { position: "bottom-left" } },
      { "If-Match": current.etag! },
    );
    expect(patched.status).toBe(200);
    await expect.poll(() => launcherStyle(page), { timeout: 10_000 }).toMatchObject({ background: "rgb(15, 118, 110)" });
    const appliedMs = Date.now() - patchedAt;
    const after = await launcherStyle(page);
    expect(after.width).toBeGreaterThan(before.width); // large: a 64px launcher instead of 56px
    expect(after.left).toBeLessThan(before.left); // bottom-left now
    expect(before.background).not.toBe(after.background);
    expect(reloaded).toBe(false);
    // The panel stayed open through the change.
    await shows(page.getByRole("button", { name: "Close messenger" }));
    await page.screenshot({ path: resolve(RESULTS, "widget-configuration-after.png") });
    console.log(`[widget-configuration] PATCH to re-themed widget: ${appliedMs} ms`);
  });

  it("an emit listener of the configuration picked on the tag reaches OpencomWidget.on('configEvent')", async () => {
    const created = await rest("POST", "/widget/configurations", {
      name: "Campaign",
      theme: { primaryColor: "#7c3aed" },
      eventListeners: [
        { eventType: "widget_open", action: "emit", payload: { source: "e2e", step: 1 } },
        { eventType: "widget_open", action: "track_latency", payload: { metric: "open_to_first_paint" } },
      ],
    });
    expect(created.status).toBe(201);
    const id: string = created.json.data.id;
    const page = await openPage(`?configuration=${id}`);
    await expect.poll(() => launcherStyle(page), { timeout: 10_000 }).toMatchObject({ background: "rgb(124, 58, 237)" });
    await page.getByRole("button", { name: "Open messenger" }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __configEvents: unknown[] }).__configEvents), { timeout: 10_000 })
      .toEqual([{ eventType: "widget_open", payload: { source: "e2e", step: 1 } }]);
    // track_latency: the open → first paint figure is readable over REST.
    await expect
      .poll(async () => (await rest("GET", `/widget/configurations/${id}/metrics`)).json.data, { timeout: 10_000 })
      .toEqual([expect.objectContaining({ eventType: "widget_open", metric: "open_to_first_paint", count: 1 })]);
  });

  it("a visitor downloads a conversation's transcript, and transcript_export listeners run", async () => {
    const created = await rest("POST", "/widget/configurations", {
      name: "Transcripts",
      eventListeners: [{ eventType: "transcript_export", action: "emit", payload: { format: "text" } }],
    });
    const page = await openPage(`?configuration=${created.json.data.id}`);
    await expect.poll(() => page.evaluate(() => typeof (window as unknown as { OpencomWidget?: unknown }).OpencomWidget), { timeout: 10_000 }).toBe("object");
    await callWidget(page, "showNewMessage", "Please send me this chat");
    await shows(page.getByRole("textbox", { name: "Message" }));
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download transcript" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^transcript-.+\.txt$/);
    const text = await readFile((await file.path())!, "utf8");
    expect(text).toContain("Please send me this chat");
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __configEvents: unknown[] }).__configEvents), { timeout: 10_000 })
      .toEqual([{ eventType: "transcript_export", payload: { format: "text" } }]);
  });
});
