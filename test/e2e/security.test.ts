// Identity, sessions and untrusted content as a visitor's browser sees them: the built
// widget, the local backend, the REST admin API. Issue "Identity, sessions and security".
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { launchChromium } from "../support/browser";
import { openVisitor, type VisitorPage } from "./support/page";
import {
  armLeakTraps,
  bubbleCounts,
  errorEvents,
  history,
  INERT,
  installLeakTraps,
  inertnessReport,
  initWidget,
  launcher,
  leaks,
  openBlankPage,
  openComposer,
  send,
  showMessages,
  shownInFrames,
  storageDump,
  userHash,
  userJwt,
  visitorId,
  whenLoaderReady,
  widgetText,
  type WidgetPage,
} from "./support/security";
import { startStack, type Stack } from "./support/stack";

let stack: Stack;
let browser: Browser;
const opened: VisitorPage[] = [];

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
afterAll(async () => {
  await Promise.all(opened.map((v) => v.context.close()));
  await browser?.close();
  await stack?.close();
});

const unique = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;
const track = <T extends VisitorPage>(visitor: T): T => (opened.push(visitor), visitor);
const blankPage = async (on = stack) => track(await openBlankPage(browser, on));
const setMode = (mode: "off" | "optional" | "required") =>
  stack.agent.request("PATCH", "/workspace/security", { identityVerification: { mode } });
/** Agent REST calls share one rate limit per key: poll it gently. */
const GENTLY = { timeout: 15_000, interval: 300 };

async function sendAndConfirm(page: WidgetPage["page"], text: string, on = stack) {
  await send(page, text);
  await expect.poll(() => history(page).innerText(), { timeout: 10_000 }).toContain(text);
  return on.agent.conversationWith(text);
}

describe("identity verification in required mode", () => {
  beforeAll(() => setMode("required"));
  afterAll(() => setMode("optional"));

  it("serves a user with a valid HMAC userHash", async () => {
    const { page } = await blankPage();
    const userId = unique("hmac-user");
    await initWidget(page, stack, { userId, userHash: userHash(stack.demo.hmacSecret, userId), name: "Hana Mac" });
    await openComposer(page);
    await sendAndConfirm(page, `Verified by hash ${userId}`);
  });

  it("serves a user with a valid HS256 userJwt", async () => {
    const { page } = await blankPage();
    const userId = unique("jwt-user");
    await initWidget(page, stack, { userJwt: await userJwt(stack.demo.hmacSecret, userId, { name: "Jo Wt" }) });
    await openComposer(page);
    await sendAndConfirm(page, `Verified by JWT ${userId}`);
  });

  it("shows nothing to a forged hash: no launcher, one console error saying why, an `error` event", async () => {
    const visitor = await blankPage();
    const { page } = visitor;
    const userId = unique("forged-user");
    await initWidget(page, stack, { userId, userHash: userHash("not-the-secret", userId) });
    await expect.poll(() => errorEvents(page), { timeout: 10_000 }).toHaveLength(1);
    expect(await errorEvents(page)).toEqual([expect.objectContaining({ code: "IDENTITY_VERIFICATION_FAILED" })]);
    expect(visitor.widgetErrors).toHaveLength(1);
    expect(visitor.widgetErrors[0]).toMatch(/^\[OpencomWidget\] the widget is hidden for this user: .+ \(IDENTITY_VERIFICATION_FAILED, user\.userHash\)$/);
    expect(await page.locator("opencom-widget").count()).toBe(0);
    expect(await launcher(page).count()).toBe(0);
  });

  it("refuses a user id without proof, and a forged identify() hides an anonymous visitor's widget", async () => {
    const unsigned = await blankPage();
    await initWidget(unsigned.page, stack, { userId: unique("unsigned") });
    await expect.poll(() => errorEvents(unsigned.page), { timeout: 10_000 }).toEqual([expect.objectContaining({ code: "IDENTITY_VERIFICATION_FAILED" })]);
    expect(await launcher(unsigned.page).count()).toBe(0);

    const anonymous = await blankPage();
    await initWidget(anonymous.page, stack);
    await expect.poll(() => launcher(anonymous.page).isVisible(), { timeout: 10_000 }).toBe(true);
    const userId = unique("identify-forged");
    await anonymous.page.evaluate(
      (user) => (window as unknown as { OpencomWidget: { identify(u: unknown): void } }).OpencomWidget.identify(user),
      { userId, userHash: userHash("not-the-secret", userId) },
    );
    await expect.poll(() => errorEvents(anonymous.page), { timeout: 10_000 }).toHaveLength(1);
    expect(await anonymous.page.locator("opencom-widget").count()).toBe(0);
    expect(anonymous.widgetErrors).toHaveLength(1);
  });
});

describe("logout isolation", () => {
  type Next = { convexUrl: string; workspaceId: string; user: unknown };
  type Api = Record<string, (arg?: unknown) => void>;
  const switches: Record<string, (next: Next) => string[]> = {
    "destroy() then init() as the next user": (next) => {
      const widget = (window as unknown as { OpencomWidget: Api }).OpencomWidget;
      window.__arm();
      widget.destroy?.();
      widget.init?.(next);
      return window.__shownNow();
    },
    "identify() with the next user": (next) => {
      window.__arm();
      (window as unknown as { OpencomWidget: Api }).OpencomWidget.identify?.(next.user);
      return window.__shownNow();
    },
  };

  for (const [how, doSwitch] of Object.entries(switches)) {
    it(`never shows the previous user's conversation to the next one: ${how}`, async () => {
      const visitor = await blankPage();
      const { page } = visitor;
      const alice = unique("alice");
      const bob = unique("bob");
      const secret = `Alice's private message ${unique("secret")}`;
      await initWidget(page, stack, { userId: alice, userHash: userHash(stack.demo.hmacSecret, alice) });
      await openComposer(page);
      await sendAndConfirm(page, secret);
      const aliceVisitor = await visitorId(page);
      const aliceSessionId = await page.evaluate(() => localStorage.getItem("opencom:demo:session-id"));
      expect(aliceSessionId).toBeTruthy();

      await installLeakTraps(page, "Alice's private message");
      const next = {
        convexUrl: stack.demo.convexUrl,
        workspaceId: stack.demo.workspaceId,
        user: { userId: bob, userHash: userHash(stack.demo.hmacSecret, bob) },
      };
      // Right after the call, in the same task, and in each of the next frames: nothing of
      // Alice's is in any widget on the page.
      const shownRightAfter = await page.evaluate(doSwitch, next);
      expect(shownRightAfter.join("|")).not.toContain("Alice's private message");
      await page.waitForTimeout(500);
      const frames = await shownInFrames(page);
      expect(frames.length).toBeGreaterThan(5);
      expect(frames.filter((text) => text.includes("Alice's private message"))).toEqual([]);
      expect(await storageDump(page)).not.toContain(aliceVisitor);
      expect(await storageDump(page)).not.toContain(aliceSessionId);

      await expect.poll(() => visitorId(page), { timeout: 10_000 }).not.toBeNull();
      expect(await visitorId(page)).not.toBe(aliceVisitor);
      await showMessages(page);
      await expect.poll(() => widgetText(page), { timeout: 10_000 }).toContain("No conversations yet");
      expect(await leaks(page)).toEqual([]);
      expect(await widgetText(page)).not.toContain("Alice's private message");
      expect(visitor.calls).toContain("widgetSessions:logout");
      expect(visitor.calls.filter((call) => call === "widgetSessions:boot").length).toBeGreaterThanOrEqual(2);
      expect(visitor.pageErrors).toEqual([]);
    });
  }

  it("never shows the previous user's conversation after a reload signed in as another user without destroy()", async () => {
    // The host forgot to log the widget out: the stored sessionId still names Alice's
    // visitor, so boot answers IDENTITY_CHANGED and the widget starts a fresh visitor.
    const visitor = await blankPage();
    const { page } = visitor;
    const alice = unique("alice");
    const bob = unique("bob");
    await initWidget(page, stack, { userId: alice, userHash: userHash(stack.demo.hmacSecret, alice) });
    await openComposer(page);
    await sendAndConfirm(page, `Alice's private message ${unique("reload")}`);
    const aliceVisitor = await visitorId(page);

    await page.reload();
    await whenLoaderReady(page);
    await installLeakTraps(page, "Alice's private message");
    await armLeakTraps(page);
    await initWidget(page, stack, { userId: bob, userHash: userHash(stack.demo.hmacSecret, bob) });
    await expect.poll(() => visitorId(page), { timeout: 10_000 }).not.toBeNull();
    expect(await visitorId(page)).not.toBe(aliceVisitor);
    await showMessages(page);
    await expect.poll(() => widgetText(page), { timeout: 10_000 }).toContain("No conversations yet");
    expect(await leaks(page)).toEqual([]);
    expect((await shownInFrames(page)).filter((text) => text.includes("Alice's private message"))).toEqual([]);
    expect(await errorEvents(page)).toEqual([]);
    // Alice's boot; after the reload, the refused boot on her sessionId, then Bob's fresh one.
    expect(visitor.calls.filter((call) => call === "widgetSessions:boot")).toHaveLength(3);
    expect(visitor.pageErrors).toEqual([]);
  });
});

describe("rate limits as the visitor sees them", () => {
  it("says 'Sending too fast' and delivers 8 quick messages exactly once, in order", async () => {
    const { page } = await blankPage();
    await initWidget(page, stack);
    await openComposer(page);
    const texts = Array.from({ length: 8 }, (_, i) => `Quick message ${i + 1} ${unique("burst")}`);
    for (const text of texts) await send(page, text);
    // 5 go at once; the server refuses the 6th with retryAfter and the widget waits it out.
    const notice = page.getByRole("status").filter({ hasText: /Sending too fast — retrying in \d+ s/ });
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await bubbleCounts(page)).mineDelivered, { timeout: 20_000 }).toBe(8);
    const conversation = await stack.agent.conversationWith(texts[7]!);
    expect((await stack.agent.messages(conversation.id)).map((m) => m.body)).toEqual(texts);
    await expect.poll(() => page.getByText("Sending too fast").count()).toBe(0);
    expect(await history(page).innerText()).not.toContain("Not delivered");
  });
});

describe("untrusted content", () => {
  const payloads = XSS_PAYLOADS.map((p) => p.payload);

  async function expectInert(visitor: VisitorPage) {
    expect(await inertnessReport(visitor.page)).toEqual(INERT);
    expect(await visitor.xssRuns()).toEqual([]);
    expect(visitor.dialogs).toEqual([]);
    expect(visitor.pageErrors).toEqual([]);
  }

  it(`renders all ${payloads.length} XSS payloads sent by an agent as inert content`, async () => {
    const visitor = await blankPage();
    await initWidget(visitor.page, stack);
    await openComposer(visitor.page);
    const conversation = await sendAndConfirm(visitor.page, `Show me your worst ${unique("xss-agent")}`);
    for (const payload of payloads) await stack.agent.reply(conversation.id, payload);
    await expect.poll(async () => (await bubbleCounts(visitor.page)).theirs, { timeout: 20_000 }).toBe(payloads.length);
    await visitor.page.waitForTimeout(300); // let anything that would run, run
    await expectInert(visitor);
    // Rendered markdown (links, code, lists) stays accessible.
    const results = await new AxeBuilder({ page: visitor.page }).include("opencom-widget").analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  it(`renders all ${payloads.length} XSS payloads as help-center article content, inert`, async () => {
    // One article carries every payload as its own paragraph; another has a payload for a title.
    // Article images may only load from the workspace's own sites (docs/security.md#help-center-images):
    // the corpus's foreign image host becomes one of them, an address where the image fails to load.
    const body = payloads.join("\n\n").replaceAll("https://x.invalid/", "http://127.0.0.1:1/");
    const article = await stack.agent.request<{ data: { id: string } }>("POST", "/articles", { title: `Security corpus ${unique("article")}`, body, status: "published" });
    const titled = await stack.agent.request<{ data: { id: string } }>("POST", "/articles", { title: `<img src=x onerror="window.__xss('title')">`, body: "Plain body", status: "published" });
    const visitor = await blankPage();
    await initWidget(visitor.page, stack);
    const show = (id: string) =>
      visitor.page.evaluate((articleId) => (window as unknown as { OpencomWidget: { showArticle(id: string): void } }).OpencomWidget.showArticle(articleId), id);
    await show(article.data.id);
    await expect.poll(() => visitor.page.getByRole("article").innerText().catch(() => ""), { timeout: 15_000 }).toContain("Security corpus");
    await visitor.page.waitForTimeout(300); // let anything that would run, run
    await expectInert(visitor);
    await show(titled.data.id);
    await expect.poll(() => visitor.page.getByRole("article").innerText().catch(() => ""), { timeout: 15_000 }).toContain(`onerror="window.__xss('title')"`);
    await visitor.page.waitForTimeout(300);
    await expectInert(visitor);
  });

  it(`renders all ${payloads.length} XSS payloads sent by visitors as inert content`, async () => {
    // A visitor may send 5 messages at once, then one a second: eight visitors share the
    // corpus, so that each waits only a few seconds (and sees the rate limit on the way).
    const size = Math.ceil(payloads.length / 8);
    const chunks = Array.from({ length: 8 }, (_, i) => payloads.slice(i * size, i * size + size));
    await Promise.all(
      chunks.map(async (chunk) => {
        const visitor = await blankPage();
        await initWidget(visitor.page, stack);
        await openComposer(visitor.page);
        for (const payload of chunk) await send(visitor.page, payload);
        await expect.poll(async () => (await bubbleCounts(visitor.page)).mineDelivered, { timeout: 40_000 }).toBe(chunk.length);
        await expectInert(visitor);
      }),
    );
  });
});

describe("strict CSP and Trusted Types", () => {
  it("opens, chats and renders a markdown reply with 0 violations and 0 page errors", async () => {
    const backend = new URL(stack.demo.convexUrl);
    const policy = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      `img-src 'self' data: ${backend.origin}`,
      `connect-src 'self' ${backend.origin} ws://${backend.host}`,
      "require-trusted-types-for 'script'",
      "trusted-types 'none'",
    ].join("; ");
    stack.site.setHeaders("/security-csp.html", { "content-security-policy": policy });
    const visitor = track(await openVisitor(browser, `${stack.site.url}/security-csp.html`));
    const { page } = visitor;
    await openComposer(page);
    const conversation = await sendAndConfirm(page, `Hello under a strict CSP ${unique("csp")}`);
    await stack.agent.reply(conversation.id, "**Sure.** See [the guide](https://example.com/guide), run `npm test`:\n\n- one\n- two");
    await expect.poll(() => history(page).innerText(), { timeout: 10_000 }).toContain("the guide");
    const link = history(page).getByRole("link", { name: "the guide" });
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await history(page).locator("strong, code, li").count()).toBe(4);

    expect(await visitor.cspViolations()).toEqual([]);
    expect(visitor.pageErrors).toEqual([]);
    // The policy is really enforced: the page itself may not assign HTML strings.
    const sinkBlocked = await page.evaluate(() => {
      try {
        document.createElement("div").innerHTML = "<b>x</b>";
        return false;
      } catch {
        return true;
      }
    });
    expect(sinkBlocked).toBe(true);
  });
});

describe("session tokens", () => {
  let shortLived: Stack;
  // A backend whose sessions live 4 s (test-only cap, see convex/lib/sessionPolicy.ts).
  beforeAll(async () => {
    shortLived = await startStack({ backendEnv: { OPENCOM_SESSION_LIFETIME_SECONDS_OVERRIDE: "4" } });
  });
  afterAll(() => shortLived?.close());

  it("refreshes before expiry, and after an expiry boots again as the same visitor with the same conversation", async () => {
    const visitor = await blankPage(shortLived);
    const { page } = visitor;
    await initWidget(page, shortLived);
    await openComposer(page);
    const conversation = await sendAndConfirm(page, `Before expiry ${unique("expiry")}`, shortLived);
    const visitorBefore = await visitorId(page);

    // Refreshed while alive: tokens rotate every ~3 s and the visitor keeps chatting.
    await expect.poll(() => visitor.calls.filter((c) => c === "widgetSessions:refresh").length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await sendAndConfirm(page, "Between refreshes", shortLived);
    expect(visitor.calls.filter((c) => c === "widgetSessions:boot")).toHaveLength(1);

    // Offline for longer than the token lives: the token expires unrefreshed.
    await shortLived.backend.stop();
    await page.waitForTimeout(5_000);
    await shortLived.backend.start();
    await expect.poll(() => visitor.calls.filter((c) => c === "widgetSessions:boot").length, { timeout: 30_000 }).toBe(2);
    expect(await visitorId(page)).toBe(visitorBefore);
    await send(page, "After expiry");
    await expect
      .poll(async () => (await shortLived.agent.messages(conversation.id)).map((m) => m.body), GENTLY)
      .toEqual([expect.stringContaining("Before expiry"), "Between refreshes", "After expiry"]);
    expect(await history(page).innerText()).toContain("Before expiry");
    expect(visitor.pageErrors).toEqual([]);
  });
});
