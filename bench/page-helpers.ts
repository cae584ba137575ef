// Finding the widget in a bench page (its launcher's accessible name is a contract, docs/js-api.md).
import type { Locator, Page } from "playwright-core";

export const launcherLocator = (page: Page): Locator => page.getByRole("button", { name: "Open messenger" });

export async function waitForLauncherReady(page: Page, timeout = 15_000): Promise<void> {
  await launcherLocator(page).waitFor({ state: "visible", timeout });
}
