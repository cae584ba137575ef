// Debian's Chromium driven by playwright-core (Playwright's own browser download needs the
// internet). The flags keep a headless root Chromium from reaching for Google's services.
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.OPENCOM_CHROMIUM ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}
