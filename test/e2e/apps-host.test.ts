// The inbox's app host in Chromium, with the example apps on origins of their own
// (*.localhost names resolve to loopback): events arrive, actions work, refusals name their
// reason, a hostile frame or origin gets nothing, and a widget written for the vendor's
// console runs unchanged.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser";
import { serveStatic, type StaticSite } from "../support/static-server";

const ROOT = resolve(import.meta.dirname, "../..");
let browser: Browser;
let inbox: StaticSite;
let apps: StaticSite;
let appsPort: string;
const bundleDir = mkdtempSync(join(tmpdir(), "opencom-apps-e2e-"));

beforeAll(async () => {
  await build({ entryPoints: [join(ROOT, "test/e2e/apps/harness.ts")], bundle: true, format: "esm", outfile: join(bundleDir, "harness.js"), logLevel: "silent" });
  [browser, inbox, apps] = await Promise.all([
    launchChromium(),
    serveStatic([bundleDir, join(ROOT, "test/e2e/apps")], {}),
    serveStatic([join(ROOT, "examples/apps"), join(ROOT, "test/e2e/apps")], {}),
  ]);
  appsPort = new URL(apps.url).port;
});

afterAll(async () => {
  await Promise.all([browser?.close(), inbox?.close(), apps?.close()]);
  rmSync(bundleDir, { recursive: true, force: true });
});

const on = (host: string, path: string) => `http://${host}:${appsPort}${path}`;
/** The frame whose document is on that host name (the inbox page's own query names hosts too). */
const frameOn = (page: Page, hostname: string) => page.frames().find((frame) => frame.url().startsWith("http") && new URL(frame.url()).hostname === hostname);

async function openInbox(options: { name: string; url: string; allowed: string[]; screen: string; protocol?: string; intruder?: string }): Promise<{ page: Page; app: Frame }> {
  const query = new URLSearchParams({ name: options.name, url: options.url, screen: options.screen, protocol: options.protocol ?? "opencom" });
  for (const origin of options.allowed) query.append("allowed", origin);
  if (options.intruder) query.set("intruder", options.intruder);
  const page = await browser.newPage();
  await page.goto(`${inbox.url}/index.html?${query}`);
  await expect.poll(() => page.evaluate(() => window.frameLoads)).toBeGreaterThan(0);
  const app = frameOn(page, new URL(options.url).hostname)!;
  return { page, app };
}

const hour = 3_600_000;
function queue(now: number) {
  const metric = (elapsed: number, threshold: number) => ({ ticksMillis: elapsed, finished: false, isPaused: false, thresholdMillis: threshold, isBreached: elapsed > threshold, breachDate: now - elapsed + threshold });
  return {
    total: 3,
    tickets: [
      { ticketCode: "TK-1", subject: "Refund missing", state: "OPEN", priority: "CRITICAL", metrics: { TIME_TO_FIRST_RESPONSE: metric(2 * hour, hour) }, creationDate: new Date(now - 2 * hour).toISOString() },
      { ticketCode: "TK-2", subject: "Login loop", state: "NEW", priority: "HIGH", metrics: { TIME_TO_FIRST_RESPONSE: metric(55 * 60_000, hour) }, creationDate: new Date(now).toISOString() },
      { ticketCode: "TK-3", subject: "Invoice copy", state: "NEW", priority: "LOW", metrics: { TIME_TO_RESOLVE: metric(hour, 8 * hour) }, creationDate: new Date(now).toISOString() },
    ],
  };
}

describe("the SLA guardian on a wildcard-allowed subdomain", () => {
  it("groups the queue by urgency, alerts on a breach, counts down, and opens a ticket", async () => {
    const { page, app } = await openInbox({ name: "SLA guardian", url: on("sla.apps.localhost", "/sla-guardian/"), allowed: [`http://*.apps.localhost:${appsPort}`], screen: "TICKETS" });
    await page.evaluate((summary) => window.host.emit("tickets:queueSummary", summary as never), queue(Date.now()));
    await expect.poll(() => app.locator("h2").allTextContents()).toEqual(["Breached (1)", "At risk (1)", "On track (1)"]);
    await expect.poll(() => app.getByRole("alert").textContent()).toContain("TK-1 breached its first response goal.");
    const countdown = () => app.locator('[data-ticket="TK-2"] span').nth(1).textContent();
    const first = await countdown();
    expect(first).toMatch(/^4m \d\ds left$/);
    await expect.poll(countdown, { timeout: 3_000 }).not.toBe(first);
    await app.locator('[data-ticket="TK-2"]').click();
    await expect.poll(() => app.getByRole("status").textContent()).toBe("Opened TK-2.");
    expect(await page.evaluate(() => window.calls)).toEqual([["navigateToTicket", "TK-2"]]);
    await page.close();
  });

  it("refuses a look-alike origin: every action refused, and it reads no event", async () => {
    const { page, app } = await openInbox({ name: "SLA guardian", url: on("sla.apps.localhost", "/sla-guardian/"), allowed: [`http://*.apps.localhost:${appsPort}`], screen: "TICKETS" });
    // The app's own frame ends up on a look-alike origin (a redirect, a takeover).
    const loads = await page.evaluate(() => window.frameLoads);
    await app.goto(on("evil-apps.localhost", "/hostile/"));
    await expect.poll(() => page.evaluate(() => window.frameLoads)).toBe(loads + 1);
    const hostile = frameOn(page, "evil-apps.localhost")!;
    await page.evaluate((summary) => window.host.emit("tickets:queueSummary", summary as never), queue(Date.now()));
    await hostile.evaluate(() => (window as unknown as { fire(name: string, screen: string): void }).fire("SLA guardian", "TICKETS"));
    await expect.poll(() => hostile.evaluate(() => (window as unknown as { received: unknown[] }).received.length)).toBe(4);
    const received = (await hostile.evaluate(() => (window as unknown as { received: unknown[] }).received)) as Array<Record<string, unknown>>;
    expect(received.every((message) => message["messageType"] === "OPENCOM_APP_ACTION_RESPONSE" && message["success"] === false && message["errorCode"] === "ORIGIN_NOT_ALLOWED")).toBe(true);
    expect(received[0]?.["error"]).toBe(`Origin http://evil-apps.localhost:${appsPort} is not among the allowed origins of "SLA guardian".`);
    expect(await page.evaluate(() => window.calls)).toEqual([]);
    await page.close();
  });

  it("answers a frame that is not the app's with a refusal, and runs nothing", async () => {
    const { page } = await openInbox({
      name: "SLA guardian",
      url: on("sla.apps.localhost", "/sla-guardian/"),
      allowed: [`http://*.apps.localhost:${appsPort}`],
      screen: "TICKETS",
      intruder: on("other.apps.localhost", "/hostile/"),
    });
    await expect.poll(() => frameOn(page, "other.apps.localhost") !== undefined).toBe(true);
    const intruder = frameOn(page, "other.apps.localhost")!;
    await expect.poll(() => intruder.evaluate(() => typeof (window as unknown as { fire?: unknown }).fire), { timeout: 10_000 }).toBe("function");
    await intruder.evaluate(() => (window as unknown as { fire(name: string, screen: string): void }).fire("SLA guardian", "TICKETS"));
    await expect.poll(() => intruder.evaluate(() => (window as unknown as { received: Array<{ errorCode?: string }> }).received.map((m) => m.errorCode))).toEqual(["WRONG_SOURCE", "WRONG_SOURCE", "WRONG_SOURCE", "WRONG_SOURCE"]);
    expect(await page.evaluate(() => window.calls)).toEqual([]);
    await page.close();
  });
});

describe("the reply drafter on the Chats screen", () => {
  it("receives the selection, fills the reply box, and hears why a wrong-screen action and a 5,001-character text are refused", async () => {
    const { page, app } = await openInbox({ name: "Reply drafter", url: on("drafter.localhost", "/reply-drafter/"), allowed: [`http://drafter.localhost:${appsPort}`], screen: "CHATS" });
    await page.evaluate(() => window.host.emit("chat:selected", { customerId: "v_1", customerName: "Ada", platform: "WEBCHAT" }));
    await expect.poll(() => app.locator("#customer").textContent()).toBe("Replying to Ada (WEBCHAT).");
    await app.getByRole("button", { name: "Put in reply box" }).click();
    await expect.poll(() => app.getByRole("status").textContent()).toBe("The draft is in the reply box.");
    expect(await page.evaluate(() => window.calls)).toEqual([["fillInput", "Hi Ada, thanks for reaching out! How can I help today?"]]);

    await app.getByRole("textbox", { name: "Draft", exact: true }).fill("x".repeat(5001));
    await app.getByRole("button", { name: "Send now" }).click();
    await expect.poll(() => app.getByRole("status").textContent()).toBe("Refused: payload.text must be at most 5000 characters (got 5001).");

    const wrongScreen = await app.evaluate(
      () =>
        new Promise((resolve) => {
          window.addEventListener("message", (event) => event.data?.requestId === "wrong-screen" && resolve(event.data));
          window.parent.postMessage({ messageType: "OPENCOM_APP_ACTION", appName: "Reply drafter", action: "navigateToTicket", screen: "CHATS", payload: { ticketCode: "TK-1" }, requestId: "wrong-screen" }, "*");
        }),
    );
    expect(wrongScreen).toEqual({ messageType: "OPENCOM_APP_ACTION_RESPONSE", requestId: "wrong-screen", success: false, errorCode: "WRONG_SCREEN", error: "navigateToTicket works on the TICKETS screen; this app is on CHATS." });
    expect((await page.evaluate(() => window.calls)).length).toBe(1);
    await page.close();
  });
});

describe("a widget written for the vendor's console", () => {
  it("runs unchanged on the Tickets screen: widget:ready, bmtoken, ticket events with SLA metrics, navigateToTicket", async () => {
    const { page, app } = await openInbox({ name: "Ticket SLA card", url: on("seed.localhost", "/seed-widget/"), allowed: [`http://seed.localhost:${appsPort}`], screen: "TICKETS", protocol: "bm-widget" });
    expect(new URL(app.url()).searchParams.get("bmtoken")).toMatch(/^eyJ/);
    await expect.poll(() => app.locator("#who").textContent()).toBe("Signed in as agent@acme.test · Ticket SLA card");
    const now = Date.now();
    const summary = queue(now);
    await page.evaluate((ticket) => window.host.emit("ticket:selected", ticket as never), { ...summary.tickets[0], supportTeam: "Billing", author: { firstName: "Ada", lastName: "L" } });
    await expect.poll(() => app.locator("#ticket").textContent()).toBe("TK-1 · Refund missing · OPEN · CRITICAL");
    await expect.poll(() => app.getByRole("table", { name: "SLA metrics" }).textContent()).toContain("TIME_TO_FIRST_RESPONSE120 mingoal 60 minBREACHED");
    await page.evaluate((summary) => window.host.emit("tickets:queueSummary", summary as never), summary);
    await app.getByRole("button", { name: "Open TK-3" }).click();
    await expect.poll(() => app.getByRole("status").textContent()).toMatch(/^Done \(req_\w+\)$/);
    expect(await page.evaluate(() => window.calls)).toEqual([["navigateToTicket", "TK-3"]]);
    await page.close();
  });
});
