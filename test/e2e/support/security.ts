// Helpers for test/e2e/security.test.ts: identity proofs signed the way a customer's server
// signs them, a page that starts the widget itself, traps for leaks between users, and a
// check that untrusted content rendered inert.
import { createHmac } from "node:crypto";
import { SignJWT } from "jose";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import type { UserIdentity } from "../../../src/sdk/types";
import { openVisitor, type VisitorPage } from "./page";
import type { Stack } from "./stack";

/** HMAC-SHA256 of the user id, hex: `userHash` as docs/security.md tells servers to compute it. */
export function userHash(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(userId).digest("hex");
}

/** An HS256 `userJwt` signed with the workspace's identity secret, valid for 10 minutes. */
export function userJwt(secret: string, userId: string, claims: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ user_id: userId, ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(new TextEncoder().encode(secret));
}

export interface WidgetPage extends VisitorPage {
  /** Console errors the widget logged (`[OpencomWidget] …`). */
  widgetErrors: string[];
  /** Backend functions the page called over the socket, in order (`widgetSessions:boot`, …). */
  calls: string[];
}

type WidgetWindow = Window & {
  OpencomWidget: Record<string, (...args: unknown[]) => unknown>;
  __errorEvents: unknown[];
};

/**
 * A page whose script tag does not start the widget: the test calls init() itself (see
 * initWidget), the way a site with accounts passes the signed-in user.
 */
export async function openBlankPage(browser: Browser, stack: Stack): Promise<WidgetPage> {
  const visitor = await openVisitor(browser, `${stack.site.url}/security-blank.html`);
  const widgetErrors: string[] = [];
  const calls: string[] = [];
  visitor.page.on("console", (message) => {
    if (message.type() === "error" && message.text().startsWith("[OpencomWidget]")) widgetErrors.push(message.text());
  });
  visitor.page.on("websocket", (socket) =>
    socket.on("framesent", ({ payload }) => {
      const path = /"udfPath":"([^"]+)"/.exec(String(payload))?.[1];
      if (path) calls.push(path);
    }),
  );
  await whenLoaderReady(visitor.page);
  return { ...visitor, widgetErrors, calls };
}

/** Waits for the loader's `window.OpencomWidget` and records the widget's `error` events. */
export async function whenLoaderReady(page: Page): Promise<void> {
  await page.waitForFunction(() => "OpencomWidget" in window);
  await page.evaluate(() => {
    const w = window as unknown as WidgetWindow;
    w.__errorEvents = [];
    w.OpencomWidget.on?.("error", (event: unknown) => w.__errorEvents.push(event));
  });
}

export async function initWidget(page: Page, stack: Stack, user?: UserIdentity): Promise<void> {
  const config = { convexUrl: stack.demo.convexUrl, workspaceId: stack.demo.workspaceId, ...(user ? { user } : {}) };
  await page.evaluate((c) => (window as unknown as WidgetWindow).OpencomWidget.init?.(c), config);
}

/** Payloads of the widget's `error` events so far. */
export const errorEvents = (page: Page) => page.evaluate(() => (window as unknown as WidgetWindow).__errorEvents);

export const visitorId = (page: Page) =>
  page.evaluate(() => (window as unknown as WidgetWindow).OpencomWidget.getVisitorId?.() as string | null);

declare global {
  interface Window {
    /** The text of every widget on the page, now. */
    __shownNow(): string[];
    /** Starts the traps: from now on leaks and frames are recorded. */
    __arm(): void;
    __leaks: string[];
    __frames: string[];
  }
}

/**
 * Traps for what a previous user left on screen, armed by `window.__arm()` (call it in
 * the same task as the user switch, so that what was legitimately shown before does not
 * count). Once armed, they record every piece of DOM that appears with `needle` in it, in
 * the page and in every shadow root (existing ones, and new ones: attachShadow is
 * wrapped), seen by a MutationObserver, so a text shown for a single frame is caught too;
 * and the widgets' text in each of the next 60 animation frames.
 */
export async function installLeakTraps(page: Page, needle: string): Promise<void> {
  await page.evaluate((text) => {
    let armed = false;
    window.__leaks = [];
    window.__frames = [];
    window.__shownNow = () => [...document.querySelectorAll("opencom-widget")].map((host) => host.shadowRoot?.textContent ?? "");
    const check = (value: string | null | undefined, where: string) => {
      if (armed && value?.includes(text)) window.__leaks.push(`${where}: ${value.slice(0, 120)}`);
    };
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "characterData") check(record.target.textContent, "text changed");
        if (record.type === "attributes" && record.target instanceof Element) {
          check(record.target.getAttribute(record.attributeName ?? ""), `attribute ${record.attributeName ?? ""}`);
        }
        for (const node of record.addedNodes) check(node.textContent, `added ${node.nodeName}`);
      }
    });
    const watch = (root: Node) => observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    watch(document.documentElement);
    for (const host of document.querySelectorAll("*")) if (host.shadowRoot) watch(host.shadowRoot);
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attachShadow.call(this, init);
      watch(root);
      return root;
    };
    window.__arm = () => {
      armed = true;
      let left = 60;
      const onFrame = () => {
        window.__frames.push(window.__shownNow().join("|"));
        if (--left > 0) requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
    };
  }, needle);
}

export const armLeakTraps = (page: Page) => page.evaluate(() => window.__arm());
export const leaks = (page: Page) => page.evaluate(() => window.__leaks);
export const shownInFrames = (page: Page) => page.evaluate(() => window.__frames);

/** The widget's shadow DOM text, or "" when the widget shows nothing. */
export const widgetText = (page: Page) =>
  page.evaluate(() => document.querySelector("opencom-widget")?.shadowRoot?.textContent ?? "");

/** Every localStorage key and value, to look for what a logout must have wiped. */
export const storageDump = (page: Page) => page.evaluate(() => JSON.stringify({ ...localStorage }));

export const launcher = (page: Page) => page.getByRole("button", { name: "Open messenger" });
export const composer = (page: Page) => page.getByRole("textbox", { name: "Message" });
export const history = (page: Page) => page.getByRole("log");

export async function openMessenger(page: Page): Promise<void> {
  await launcher(page).click({ timeout: 10_000 });
  await expect.poll(() => page.getByRole("button", { name: "Close messenger" }).isVisible(), { timeout: 10_000 }).toBe(true);
}

/** The visitor's conversation list, opened through the public API (`showMessages()`). */
export async function showMessages(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as WidgetWindow).OpencomWidget.showMessages?.());
}

export async function openComposer(page: Page): Promise<void> {
  await openMessenger(page);
  await page.getByRole("button", { name: /new conversation/i }).click();
  await expect.poll(() => composer(page).isVisible().catch(() => false), { timeout: 10_000 }).toBe(true);
}

/** Types and sends with Enter, without waiting for delivery. */
export async function send(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press("Enter");
}

/** Counts of the log's bubbles: the visitor's (delivered or not) and everyone else's. */
export const bubbleCounts = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector("opencom-widget")?.shadowRoot;
    const count = (selector: string) => root?.querySelectorAll(selector).length ?? 0;
    return {
      mineDelivered: count(".oc-mine .oc-bubble.oc-delivered"),
      mineWaiting: count(".oc-mine .oc-bubble:not(.oc-delivered)"),
      theirs: count(".oc-theirs .oc-bubble"),
    };
  });

/**
 * What must never be inside the widget after rendering untrusted text: bubbles hold only
 * the markdown subset's elements and link attributes, links are http(s)/mailto/tel with
 * the safe rel and target, and no element anywhere in the shadow root carries an event
 * handler, a javascript: URL or a script.
 */
export function inertnessReport(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector("opencom-widget")?.shadowRoot;
    if (!root) return { error: "no widget" };
    const allowed = new Set(["p", "strong", "em", "code", "pre", "a", "ul", "ol", "li", "br"]);
    const inBubbles = [...root.querySelectorAll(".oc-bubble *")];
    const everything = [...root.querySelectorAll("*")];
    return {
      foreignElements: inBubbles.filter((el) => !allowed.has(el.localName)).map((el) => el.localName),
      foreignAttributes: inBubbles.flatMap((el) =>
        [...el.attributes]
          .filter((attribute) => !(el.localName === "a" && ["href", "rel", "target"].includes(attribute.name)))
          .map((attribute) => `${el.localName}[${attribute.name}]`),
      ),
      unsafeLinks: [...root.querySelectorAll<HTMLAnchorElement>(".oc-bubble a")]
        .filter((a) => !["http:", "https:", "mailto:", "tel:"].includes(a.protocol) || a.rel !== "noopener noreferrer nofollow" || a.target !== "_blank")
        .map((a) => a.href),
      eventHandlers: everything.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`)),
      javascriptUrls: root.querySelectorAll("[href^='javascript' i], [src^='javascript' i], [action], [formaction], [srcdoc]").length,
      scripts: root.querySelectorAll("script, iframe, object, embed, frame, base, meta").length + document.querySelectorAll("script").length - 1,
    };
  });
}

export const INERT = { foreignElements: [], foreignAttributes: [], unsafeLinks: [], eventHandlers: [], javascriptUrls: 0, scripts: 0 };
