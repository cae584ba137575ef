// The operator inbox at a 4x CPU throttle, against a demo workspace with 500 more
// conversations: the JavaScript it loads (gzip), the first usable paint of the Chats screen
// for a signed-in operator (from navigation to the first page of the conversation list on
// screen), and a conversation switch (from the click on another conversation to its
// messages in the log). One context, signed in once; each run reloads the page (the static
// server sends no-store, so every run fetches and compiles the JavaScript again).
import type { Browser, Page } from "playwright-core";
import { CPU_THROTTLE } from "./boot";
import { measureBytes, sumBytes, type Bytes, type FileBytes } from "./sizes";
import { summarize, type Summary } from "./stats";

export interface InboxFigures {
  conversations: number;
  js: Bytes & { files: FileBytes[] };
  chatsUsableMs: Summary;
  switchMs: Summary;
  longTasksDuringLoad: Summary;
}

/** Before any script of the page: long tasks, and the moment the list shows its first rows. */
const INSTRUMENT = `(() => {
  const bench = { listed: null, longTasks: [] };
  window.__inboxBench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push(entry.startTime);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  const poll = () => {
    const list = document.querySelector('[role="list"][aria-label="Conversations"], ul[aria-label="Conversations"]');
    if (list && list.querySelectorAll("a").length >= 10 && list.getBoundingClientRect().height > 0) {
      bench.listed = performance.now();
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

/** Clicks the row at `index` in the page and resolves with the ms until the log shows that conversation's messages. */
const SWITCH = `(index) => new Promise((resolve, reject) => {
  const rows = document.querySelectorAll('[aria-label="Conversations"] a');
  const row = rows[index];
  if (!row) return reject(new Error("no row " + index));
  const before = location.hash;
  const rowText = row.textContent || "";
  const started = performance.now();
  row.click();
  const deadline = started + 20000;
  const poll = () => {
    const heading = document.getElementById("conversation-heading");
    const log = document.querySelector('[role="log"]');
    const shown = heading && heading.textContent && rowText.includes(heading.textContent);
    if (location.hash !== before && shown && log && log.querySelector("article") && log.getBoundingClientRect().height > 0) return resolve(performance.now() - started);
    if (performance.now() > deadline) return reject(new Error("the conversation never showed"));
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})`;

async function signIn(page: Page, inboxUrl: string, operator: { email: string; password: string }): Promise<void> {
  await page.goto(inboxUrl);
  await page.getByRole("textbox", { name: "Email" }).fill(operator.email);
  await page.getByLabel("Password").fill(operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("list", { name: "Conversations" }).waitFor({ timeout: 60_000 });
}

export async function measureInbox(
  browser: Browser,
  siteUrl: string,
  operator: { email: string; password: string },
  conversations: number,
  runs: number,
): Promise<InboxFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const inboxUrl = `${siteUrl}/inbox/index.html#/chats`;
    await signIn(page, inboxUrl, operator);
    await page.addInitScript(INSTRUMENT);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_THROTTLE });

    const origin = new URL(siteUrl).origin;
    let js: FileBytes[] = [];
    const usable: number[] = [];
    const switches: number[] = [];
    const longTasks: number[] = [];
    // One unmeasured run warms the backend's code paths, as a deployed backend would be warm.
    for (let run = -1; run < runs; run++) {
      const files: Array<Promise<FileBytes>> = [];
      const onResponse = (response: import("playwright-core").Response) => {
        const url = new URL(response.url());
        if (url.origin === origin && url.pathname.endsWith(".js")) files.push(response.body().then((body) => ({ path: url.pathname, ...measureBytes(body) })));
      };
      page.on("response", onResponse);
      await page.goto("about:blank");
      await page.goto(inboxUrl);
      await page.waitForFunction(() => (window as unknown as { __inboxBench: { listed: number | null } }).__inboxBench.listed !== null, null, { timeout: 60_000, polling: 50 });
      const bench = await page.evaluate(() => (window as unknown as { __inboxBench: { listed: number; longTasks: number[] } }).__inboxBench);
      page.off("response", onResponse);
      if (run < 0) continue;
      js = await Promise.all(files);
      usable.push(bench.listed);
      longTasks.push(bench.longTasks.filter((start) => start <= bench.listed).length);
      // Switch to a conversation further down each time, so none is cached by an earlier run.
      switches.push((await page.evaluate(`(${SWITCH})(${1 + run})`)) as number);
      switches.push((await page.evaluate(`(${SWITCH})(${12 + run})`)) as number);
    }
    return {
      conversations,
      js: { ...sumBytes(js), files: js },
      chatsUsableMs: summarize(usable),
      switchMs: summarize(switches),
      longTasksDuringLoad: summarize(longTasks),
    };
  } finally {
    await context.close();
  }
}
