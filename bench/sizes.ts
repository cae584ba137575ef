// Bytes, measured from the browser's network log: every response from the widget's origin
// under /widget.js or /runtime/ that the page fetched before the messenger was opened (boot),
// and what opening it added. Each body is compressed here (gzip -9, brotli q11), as a CDN
// would serve it; the local server sends it uncompressed.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Browser, Page, Response } from "playwright-core";
import { launcherLocator, waitForLauncherReady } from "./page-helpers";

export interface Bytes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface FileBytes extends Bytes {
  path: string;
}

export interface SizeFigures {
  loader: Bytes;
  boot: Bytes & { files: FileBytes[] };
  open: Bytes & { files: FileBytes[] };
  /** What pressing the composer's emoji button fetched (the conversation view already shown). */
  emojiPicker: Bytes & { files: FileBytes[] };
}

export function measureBytes(body: Buffer): Bytes {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
  };
}

export function sumBytes(files: readonly Bytes[]): Bytes {
  return files.reduce((sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip, brotli: sum.brotli + file.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

const WIDGET_PATH = /^\/(?:widget\.js|runtime\/)/;

export async function measureSizes(browser: Browser, siteUrl: string): Promise<SizeFigures> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const log = recordWidgetResponses(page, siteUrl);
    await page.goto(`${siteUrl}/index.html`);
    await waitForLauncherReady(page);
    // The launcher paints before the session exists; what boot then loads (an overlay that is
    // due, say) still counts as fetched before the messenger opens.
    await page.waitForFunction(() => typeof (window as unknown as { OpencomWidget?: { getVisitorId?(): unknown } }).OpencomWidget?.getVisitorId?.() === "string", null, { timeout: 20_000, polling: 100 });
    await page.waitForTimeout(500);
    await page.waitForLoadState("networkidle");
    const boot = await log.take();

    await launcherLocator(page).click();
    await page.getByRole("button", { name: "Close messenger" }).waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    // The panel renders once its chunk has run; give its own lazy imports (if any) time to start.
    await page.waitForTimeout(300);
    const open = await log.take();

    // A new conversation's composer (its chunks not counted here), then its emoji button.
    await page.getByRole("button", { name: "New conversation" }).first().click();
    await page.getByRole("textbox", { name: "Message" }).waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    await log.take();
    await page.getByRole("button", { name: "Insert emoji" }).click();
    await page.getByRole("dialog", { name: "Emoji" }).waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    const emojiPicker = await log.take();

    const loader = boot.find((file) => file.path === "/widget.js");
    if (!loader) throw new Error("the page never fetched /widget.js");
    return {
      loader,
      boot: { ...sumBytes(boot), files: boot },
      open: { ...sumBytes(open), files: open },
      emojiPicker: { ...sumBytes(emojiPicker), files: emojiPicker },
    };
  } finally {
    await context.close();
  }
}

/** Collects widget responses; `take()` returns those since the last take, once their bodies are read. */
function recordWidgetResponses(page: Page, siteUrl: string): { take(): Promise<FileBytes[]> } {
  const origin = new URL(siteUrl).origin;
  let pending: Array<Promise<FileBytes>> = [];
  page.on("response", (response: Response) => {
    const url = new URL(response.url());
    if (url.origin !== origin || !WIDGET_PATH.test(url.pathname)) return;
    pending.push(response.body().then((body) => ({ path: url.pathname, ...measureBytes(body) })));
  });
  return {
    async take() {
      const files = await Promise.all(pending);
      pending = [];
      return files;
    },
  };
}
