// The budgets of docs/performance.md, checked against the bench's figures. Pure: the table
// and the verdicts come from the figures alone. 1 KB = 1000 bytes, as Vite prints sizes.
import type { BootFigures } from "./boot";
import type { InboxFigures } from "./inbox";
import type { EngagementResultsFigures } from "./engagement-results";
import type { LoadFigures } from "./load";
import type { RoundTripFigures } from "./round-trip";
import type { SizeFigures } from "./sizes";

export interface Figures {
  sizes?: SizeFigures;
  /** A first visit: nothing cached. */
  boot?: BootFigures;
  /** A returning visitor: the widget's look cached from the first load. */
  bootReturning?: BootFigures;
  roundTrip?: RoundTripFigures;
  load?: LoadFigures;
  inbox?: InboxFigures;
  engagementResults?: EngagementResultsFigures;
}

export interface Verdict {
  figure: string;
  value: string;
  budget: string;
  ok: boolean;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

export function judge(figures: Figures): Verdict[] {
  const verdicts: Verdict[] = [];
  const add = (figure: string, value: string, budget: string, ok: boolean) => verdicts.push({ figure, value, budget, ok });
  const { sizes, boot, bootReturning, roundTrip, load, inbox, engagementResults } = figures;
  if (sizes) {
    add("loader widget.js (gzip)", kb(sizes.loader.gzip), "≤ 2 KB", sizes.loader.gzip <= 2000);
    add("JS before the messenger opens (gzip)", kb(sizes.boot.gzip), `≤ ${WIDGET_BUDGETS.beforeOpenGzipKb} KB`, sizes.boot.gzip <= WIDGET_BUDGETS.beforeOpenGzipKb * 1000);
    add("JS added by opening it (gzip)", kb(sizes.open.gzip), "≤ 25 KB", sizes.open.gzip <= 25_000);
    add("JS added by opening the emoji picker (gzip)", kb(sizes.emojiPicker.gzip), `≤ ${EMOJI_PICKER_BUDGET_KB} KB`, sizes.emojiPicker.gzip <= EMOJI_PICKER_BUDGET_KB * 1000);
  }
  if (boot) {
    const { launcherUsableMs: usable, longTasks, heapBytes, blankPageHeapBytes } = boot;
    // The widget's heap: the page's used heap minus the same page's without the widget (what
    // Chromium holds for any page, ~0.6 MB, is not the widget's to budget).
    const widgetHeap = heapBytes.median - blankPageHeapBytes;
    add("launcher usable, first visit, 4x CPU (median)", `${ms(usable.median)} (IQR ${ms(usable.iqr)}, n=${usable.runs})`, "≤ 300 ms", usable.median <= 300);
    add("long tasks during boot (median)", `${longTasks.median} (max ${longTasks.max})`, "0", longTasks.median === 0);
    add("widget's JS heap after boot, after GC (median)", `${mb(widgetHeap)} (page ${mb(heapBytes.median)} − blank page ${mb(blankPageHeapBytes)})`, `≤ ${WIDGET_BUDGETS.heapMb} MB`, widgetHeap <= WIDGET_BUDGETS.heapMb * 1e6);
  }
  if (bootReturning) {
    const { launcherUsableMs: usable, longTasks } = bootReturning;
    add("launcher usable, returning visitor, 4x CPU (median)", `${ms(usable.median)} (IQR ${ms(usable.iqr)}, n=${usable.runs})`, "≤ 300 ms", usable.median <= 300);
    add("long tasks during boot, returning visitor (median)", `${longTasks.median} (max ${longTasks.max})`, "0", longTasks.median === 0);
  }
  if (roundTrip) {
    add("message round trip p50", `${ms(roundTrip.p50Ms)} (n=${roundTrip.samples})`, "≤ 50 ms", roundTrip.p50Ms <= 50);
    add("message round trip p99", ms(roundTrip.p99Ms), "≤ 250 ms", roundTrip.p99Ms <= 250);
  }
  if (load) {
    const lost = `${load.lost}${load.failedVisitors ? ` (${load.failedVisitors} visitors failed)` : ""}`;
    add(`${load.visitors} visitors × ${load.messagesPerVisitor} messages: lost`, lost, "0", load.lost === 0 && load.failedVisitors === 0);
    add(`${load.visitors} visitors × ${load.messagesPerVisitor} messages: duplicated`, String(load.duplicated), "0", load.duplicated === 0);
  }
  if (inbox) {
    const { js, chatsUsableMs: usable, switchMs, conversations } = inbox;
    add("inbox JS (gzip)", kb(js.gzip), `≤ ${INBOX_BUDGETS.jsGzipKb} KB`, js.gzip <= INBOX_BUDGETS.jsGzipKb * 1000);
    add(`inbox Chats usable, ${conversations} conversations, 4x CPU (median)`, `${ms(usable.median)} (IQR ${ms(usable.iqr)}, n=${usable.runs})`, `≤ ${INBOX_BUDGETS.chatsUsableMs} ms`, usable.median <= INBOX_BUDGETS.chatsUsableMs);
    add("inbox conversation switch, 4x CPU (median)", `${ms(switchMs.median)} (p75 ${ms(switchMs.q3)}, n=${switchMs.runs})`, `≤ ${INBOX_BUDGETS.switchMs} ms`, switchMs.median <= INBOX_BUDGETS.switchMs);
  }
  for (const query of engagementResults?.queries ?? []) {
    const ok = query.p50Ms <= RESULTS_BUDGET.p50Ms && query.p99Ms <= RESULTS_BUDGET.p99Ms;
    const budget = `p50 ≤ ${RESULTS_BUDGET.p50Ms} ms, p99 ≤ ${RESULTS_BUDGET.p99Ms} ms`;
    add(`results query: ${query.query}, ${engagementResults!.impressions} impressions`, `p50 ${query.p50Ms.toFixed(1)} ms, p99 ${query.p99Ms.toFixed(1)} ms (n=${query.runs})`, budget, ok);
  }
  return verdicts;
}

/** The picker's chunk with every emoji it shows (about 8 KB); search words load on the first search. */
export const EMOJI_PICKER_BUDGET_KB = 10;
/** The widget's budgets that moved with measurement (docs/performance.md): what boot fetches and keeps. */
export const WIDGET_BUDGETS = { beforeOpenGzipKb: 37, heapMb: 1.3 };
/** Each engagement results query with 100,000 impressions seeded, on the local backend (docs/engagement.md). */
export const RESULTS_BUDGET = { p50Ms: 20, p99Ms: 50 };

/** The inbox's budgets; docs/performance.md says why these numbers. */
export const INBOX_BUDGETS = { jsGzipKb: 80, chatsUsableMs: 1000, switchMs: 300 };

export function formatTable(verdicts: readonly Verdict[]): string {
  const rows = [["figure", "measured", "budget", ""], ...verdicts.map((v) => [v.figure, v.value, v.budget, v.ok ? "ok" : "OVER BUDGET"])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/** The byte detail the budget table leaves out: raw, gzip and brotli for each set of files. */
export function formatBytes(sizes: SizeFigures): string {
  const row = (name: string, b: { raw: number; gzip: number; brotli: number }) =>
    `${name.padEnd(44)} raw ${kb(b.raw).padStart(10)}   gzip ${kb(b.gzip).padStart(9)}   brotli ${kb(b.brotli).padStart(9)}`;
  return [
    row("loader", sizes.loader),
    row(`boot (${sizes.boot.files.length} files)`, sizes.boot),
    ...sizes.boot.files.map((f) => row(`  ${f.path}`, f)),
    row(`opening adds (${sizes.open.files.length} files)`, sizes.open),
    ...sizes.open.files.map((f) => row(`  ${f.path}`, f)),
    row(`the emoji picker adds (${sizes.emojiPicker.files.length} files)`, sizes.emojiPicker),
    ...sizes.emojiPicker.files.map((f) => row(`  ${f.path}`, f)),
  ].join("\n");
}
