// `npm run bench -- --reference <dir>`: this widget and a reference bundle (another vendor's
// build laid out as its CDN publishes it, with widget.js at the top) on the same plain page,
// same throttle, runs interleaved (ours, theirs, ours, …) so a change in the machine's load
// hits both alike. Reports min / median / max per figure and the ratio of the medians.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { serveStatic } from "../test/support/static-server";
import { blankPageHeap, bootOnce, summarizeRuns, type BootRun, type Visit } from "./boot";
import type { Summary } from "./stats";

const ROOT = resolve(import.meta.dirname, "..");

type Side = ReturnType<typeof summarizeRuns>;
export interface SideBySide {
  referenceDir: string;
  runs: number;
  ours: Record<Visit, Side>;
  reference: Record<Visit, Side>;
  blankPageHeapBytes: number;
  /** gzip bytes of every .js file of the reference bundle (what its loader can fetch). */
  referenceJsGzip: number;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith(".js") ? [path] : [];
  });
}

export async function measureSideBySide(browser: Browser, siteUrl: string, referenceDir: string, runs: number): Promise<SideBySide> {
  // The reference page first, so its index.html wins; blank.html comes from bench/page.
  const reference = await serveStatic([join(ROOT, "bench/reference-page"), referenceDir, join(ROOT, "bench/page")], {});
  try {
    const pages = { ours: `${siteUrl}/index.html`, reference: `${reference.url}/index.html` };
    const results = { ours: { first: [] as BootRun[], returning: [] as BootRun[] }, reference: { first: [] as BootRun[], returning: [] as BootRun[] } };
    for (const visit of ["first", "returning"] as const) {
      // Warm-up, unmeasured: the backend's code paths and the OS file cache.
      await bootOnce(browser, pages.ours, visit);
      await bootOnce(browser, pages.reference, visit);
    }
    for (let i = 0; i < runs; i++) {
      for (const visit of ["first", "returning"] as const) {
        results.ours[visit].push(await bootOnce(browser, pages.ours, visit));
        results.reference[visit].push(await bootOnce(browser, pages.reference, visit));
      }
    }
    return {
      referenceDir,
      runs,
      ours: { first: summarizeRuns(results.ours.first), returning: summarizeRuns(results.ours.returning) },
      reference: { first: summarizeRuns(results.reference.first), returning: summarizeRuns(results.reference.returning) },
      blankPageHeapBytes: await blankPageHeap(browser, siteUrl),
      referenceJsGzip: jsFiles(referenceDir).reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0),
    };
  } finally {
    await reference.close();
  }
}

const spread = (s: Summary, unit: (n: number) => string) => `${unit(s.min)} / ${unit(s.median)} / ${unit(s.max)}`;
const ms = (n: number) => `${Math.round(n)}`;
const count = (n: number) => `${n}`;
const mb = (n: number) => (n / 1e6).toFixed(2);

export function formatSideBySide(result: SideBySide, oursBootGzip: number): string {
  const rows: string[][] = [["figure (min / median / max)", "ours", "reference", "ours ÷ reference (median)"]];
  const ratio = (a: number, b: number) => (b === 0 ? "–" : (a / b).toFixed(2));
  for (const visit of ["first", "returning"] as const) {
    const o = result.ours[visit];
    const r = result.reference[visit];
    rows.push([`launcher usable, ${visit} visit (ms)`, spread(o.launcherUsableMs, ms), spread(r.launcherUsableMs, ms), ratio(o.launcherUsableMs.median, r.launcherUsableMs.median)]);
    rows.push([`long tasks, ${visit} visit`, spread(o.longTasks, count), spread(r.longTasks, count), ratio(o.longTasks.median, r.longTasks.median)]);
    rows.push([`long tasks' total, ${visit} visit (ms)`, spread(o.longTaskMs, ms), spread(r.longTaskMs, ms), ratio(o.longTaskMs.median, r.longTaskMs.median)]);
    const heap = (s: Summary) => ({ ...s, min: s.min - result.blankPageHeapBytes, median: s.median - result.blankPageHeapBytes, max: s.max - result.blankPageHeapBytes });
    rows.push([`widget heap after GC, ${visit} visit (MB)`, spread(heap(o.heapBytes), mb), spread(heap(r.heapBytes), mb), ratio(heap(o.heapBytes).median, heap(r.heapBytes).median)]);
  }
  rows.push(["JS before open, gzip (KB)", (oursBootGzip / 1000).toFixed(2), `${(result.referenceJsGzip / 1000).toFixed(2)} (all of its JS)`, ratio(oursBootGzip, result.referenceJsGzip)]);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd();
  return [
    `side by side with ${result.referenceDir}: ${result.runs} runs each, interleaved, 4x CPU (the reference points at an unreachable deployment: its heap and long tasks are lower bounds)`,
    line(rows[0]!),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(1).map(line),
  ].join("\n");
}
