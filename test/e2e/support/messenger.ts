// Helpers for the messenger's tabs and JS API tests: the launcher, tabs, axe, and calls to
// window.OpencomWidget in the page.
import AxeBuilder from "@axe-core/playwright";
import { expect } from "vitest";
import type { Locator, Page } from "playwright-core";
import type { Stack } from "./stack";

export const shows = (locator: Locator, timeout = 10_000) => expect.poll(() => locator.isVisible(), { timeout }).toBe(true);
export const hides = (locator: Locator, timeout = 10_000) => expect.poll(() => locator.isVisible(), { timeout }).toBe(false);

export const panel = (page: Page) => page.getByRole("dialog", { name: /messenger|messagerie|المحادثة/i });
export const tab = (page: Page, name: string) => page.getByRole("tab", { name });

export async function openMessenger(page: Page, name = "Open messenger"): Promise<void> {
  await page.getByRole("button", { name }).click();
  await shows(panel(page));
}

/** axe on the whole page, widget included; the list of violations as "rule: targets". */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Calls `window.OpencomWidget[method](...args)` in the page and returns its result. */
export function callWidget(page: Page, method: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([name, values]) =>
      (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)["OpencomWidget"]![name as string]!(...(values as unknown[])),
    [method, args] as const,
  );
}

/** Patches the workspace's messenger settings (office hours, theme, tabs…) over REST. */
export function setMessenger(stack: Stack, settings: Record<string, unknown>): Promise<unknown> {
  return stack.agent.request("PATCH", "/workspace/messenger", settings);
}

export const ALWAYS_OPEN = { timeZone: "UTC", intervals: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: "00:00", close: "24:00" })) };
export const NEVER_OPEN = { timeZone: "Europe/Paris", intervals: [] };

/**
 * Archives the demo's engagement content so that no tour, banner or survey starts by itself
 * over the messenger, and adds one tour that only starts when asked.
 */
export async function quietEngagement(stack: Stack): Promise<{ tourId: string }> {
  for (const resource of ["tours", "outbound-messages", "surveys", "tooltips"]) {
    const { data } = await stack.agent.request<{ data: Array<{ id: string }> }>("GET", `/${resource}?status=active&limit=100`);
    for (const item of data) await stack.agent.request("PATCH", `/${resource}/${item.id}`, { status: "archived" });
  }
  const { data } = await stack.agent.request<{ data: { id: string } }>("POST", "/tours", {
    name: "Reports tour",
    description: "Where your numbers live.",
    status: "active",
    trigger: { type: "event", name: "never_tracked" },
    steps: [{ kind: "modal", title: "Your reports", body: "Everything you measure, in one place." }],
  });
  return { tourId: data.id };
}
