// The demo site (examples/) served beside dist/ and the test pages, for the engagement
// overlay tests, and a visitor whose widget points at the test stack's backend.
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { serveStatic, type StaticSite } from "../../support/static-server";
import { openVisitor, type VisitorPage } from "./page";
import type { Stack } from "./stack";

const ROOT = resolve(import.meta.dirname, "../../..");

/** examples/index.html hard-codes the dev backend's URL; visitors get the stack's through `opencomSettings`. */
export function serveDemoSite(stack: Stack): Promise<StaticSite> {
  return serveStatic([join(ROOT, "dist"), join(ROOT, "examples"), join(ROOT, "test/e2e/pages")], {
    CONVEX_URL: stack.demo.convexUrl,
    SITE_URL: stack.demo.siteUrl,
    WORKSPACE_ID: stack.demo.workspaceId,
  });
}

export type OverlayTimeline = Array<{ kind: string; slot: string; at: number }>;

/**
 * A new visitor (own context, own storage) on `url`. Every 40 ms the page notes the
 * overlays the widget's shadow root shows (each one once, in the order they first
 * showed), so tests can check what showed, in which order, whether two blocking ones
 * were ever up together, and whether a modal ever shared the screen.
 */
export async function openDemoVisitor(browser: Browser, stack: Stack, url: string): Promise<VisitorPage> {
  const visitor = await openVisitor(browser, "about:blank"); // its traps, then ours, then the page
  await visitor.page.addInitScript(
    ({ convexUrl, workspaceId }) => {
      const w = window as unknown as Record<string, unknown>;
      w["opencomSettings"] = { convexUrl, workspaceId };
      const seen: Array<{ kind: string; slot: string; at: number }> = [];
      const clashes: string[] = [];
      const known = new WeakSet<Element>();
      let mostBlocking = 0;
      w["__overlays"] = { seen, clashes, mostBlocking: () => mostBlocking };
      setInterval(() => {
        const root = document.querySelector("opencom-widget")?.shadowRoot;
        // What the visitor sees: held-back overlays stay mounted but hidden.
        const shown = [...(root?.querySelectorAll<HTMLElement>(".oc-overlays > [data-kind]:not([hidden])") ?? [])];
        mostBlocking = Math.max(mostBlocking, shown.filter((element) => element.dataset["slot"] === "blocking").length);
        const messengerOpen = root?.querySelector(".oc-launcher")?.getAttribute("aria-expanded") === "true";
        if (shown.some((element) => element.dataset["modal"] !== undefined) && (shown.length > 1 || messengerOpen)) {
          clashes.push(`${shown.map((element) => element.dataset["kind"]).join("+")}${messengerOpen ? "+messenger" : ""}`);
        }
        for (const element of shown) {
          if (known.has(element)) continue;
          known.add(element);
          seen.push({ kind: element.dataset["kind"] ?? "", slot: element.dataset["slot"] ?? "", at: Date.now() });
        }
      }, 40);
    },
    { convexUrl: stack.demo.convexUrl, workspaceId: stack.demo.workspaceId },
  );
  await visitor.page.goto(url);
  return visitor;
}

/**
 * What showed, in order; the most blocking overlays seen at once; and every moment a
 * modal shared the screen with another overlay or the messenger (as "tour+tooltip").
 */
export function timeline(page: Page): Promise<{ seen: OverlayTimeline; mostBlocking: number; clashes: string[] }> {
  return page.evaluate(() => {
    const overlays = (window as unknown as { __overlays: { seen: OverlayTimeline; clashes: string[]; mostBlocking(): number } }).__overlays;
    return { seen: overlays.seen, mostBlocking: overlays.mostBlocking(), clashes: [...new Set(overlays.clashes)] };
  });
}

/** The visitor's id, once the widget has booted. */
export async function visitorId(page: Page): Promise<string> {
  await page.waitForFunction(
    () => typeof (window as unknown as { OpencomWidget?: { getVisitorId?(): unknown } }).OpencomWidget?.getVisitorId?.() === "string",
  );
  return page.evaluate(() => (window as unknown as { OpencomWidget: { getVisitorId(): string } }).OpencomWidget.getVisitorId());
}
