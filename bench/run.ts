// `npm run bench`: measures every budget of docs/performance.md against the production build
// and prints a table. Options:
//   --check          exit 1 when a budget is broken; fewer runs so it finishes within 45 s
//   --size-only      only the bytes (what CI and the deploy script run)
//   --dist <dir>     the build to measure (default dist/; run `npm run build` first)
//   --runs <n>       boot runs at 4x CPU (default 10, 5 with --check)
//   --reference <dir>  also measure a reference bundle side by side (its widget.js at the top of
//                    <dir>; or OPENCOM_BENCH_REFERENCE), e.g. ../shared/peers/opencom-widget
//   --widget-only    only the widget's figures (bytes, boot): no round trip, load or inbox
// Writes bench/results/latest.json (full run), check.json or size-only.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { CHROMIUM_PATH, launchChromium } from "../test/support/browser";
import { CPU_THROTTLE, measureBoot, SETTLE_MS } from "./boot";
import { formatSideBySide, measureSideBySide, type SideBySide } from "./side-by-side";
import { formatBytes, formatTable, judge, type Figures } from "./budgets";
import { measureLoad } from "./load";
import { measureRoundTrip, SAMPLES_PER_VISITOR } from "./round-trip";
import { measureSizes } from "./sizes";
import { archiveEngagement } from "./engagement";
import { measureInbox } from "./inbox";
import { measureEngagementResults } from "./engagement-results";
import { startBenchStack } from "./stack";

const ROOT = resolve(import.meta.dirname, "..");

/** The widget this project's API comes from, measured the same way (docs/performance.md). */
const REFERENCE = { widget: "Opencom widget (React 19, one IIFE)", gzipKb: 184, launcherMs: 640, longTasks: 2, longTaskMs: 280 };

const { values } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    "size-only": { type: "boolean", default: false },
    dist: { type: "string", default: join(ROOT, "dist") },
    runs: { type: "string" },
    reference: { type: "string", default: process.env.OPENCOM_BENCH_REFERENCE },
    "widget-only": { type: "boolean", default: false },
  },
});
const check = values.check;
const sizeOnly = values["size-only"];
const distDir = resolve(values.dist);
const referenceDir = values.reference ? resolve(values.reference) : undefined;
const widgetOnly = values["widget-only"];
if (referenceDir && !existsSync(join(referenceDir, "widget.js"))) {
  console.error(`[bench] ${referenceDir} has no widget.js: give the reference bundle's folder`);
  process.exit(2);
}
const plan = {
  bootRuns: Number(values.runs ?? (check ? 5 : 10)),
  roundTripSamples: check ? 40 : 200,
  loadVisitors: 200,
  loadMessages: 10,
  inboxConversations: 500,
  resultsRuns: check ? 50 : 60,
};
if (!Number.isInteger(plan.bootRuns) || plan.bootRuns < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
if (!existsSync(join(distDir, "manifest.json"))) {
  console.error(`[bench] ${distDir} has no manifest.json: run \`npm run build\` first`);
  process.exit(2);
}

const log = (line: string) => console.log(`[bench] ${line}`);
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const started = performance.now();
const agents = sizeOnly ? 1 : Math.ceil(plan.roundTripSamples / SAMPLES_PER_VISITOR);
const stack = await timed("backend + site", () => startBenchStack(distDir, agents));
let browser: Browser | undefined;
const figures: Figures = {};
let bannerBootGzip: number | undefined;
let sideBySide: SideBySide | undefined;
try {
  browser = await launchChromium();
  const { convexUrl, siteUrl, workspaceId, agentKeys, adminApiKey } = stack.backend;
  const withBanner = await timed("bytes with the demo's banner due", () => measureSizes(browser!, stack.site.url));
  log(`${await archiveEngagement(siteUrl, adminApiKey)} seeded engagement items archived: the budgets measure the messenger`);
  figures.sizes = await timed("bytes", () => measureSizes(browser!, stack.site.url));
  bannerBootGzip = withBanner.boot.gzip - figures.sizes.boot.gzip;
  if (!sizeOnly) {
    figures.boot = await timed(`boot, first visit × ${plan.bootRuns} at ${CPU_THROTTLE}x CPU`, () => measureBoot(browser!, stack.site.url, plan.bootRuns));
    figures.bootReturning = await timed(`boot, returning visitor × ${plan.bootRuns} at ${CPU_THROTTLE}x CPU`, () => measureBoot(browser!, stack.site.url, plan.bootRuns, "returning"));
    if (referenceDir) sideBySide = await timed(`side by side with ${referenceDir} × ${plan.bootRuns}`, () => measureSideBySide(browser!, stack.site.url, referenceDir, plan.bootRuns));
    await browser.close();
    browser = undefined;
  }
  if (!sizeOnly && !widgetOnly) {
    figures.roundTrip = await timed(`round trip × ${plan.roundTripSamples}`, () => measureRoundTrip(convexUrl, workspaceId, siteUrl, agentKeys, plan.roundTripSamples));
    figures.load = await timed(`${plan.loadVisitors} visitors × ${plan.loadMessages} messages`, () => measureLoad(convexUrl, workspaceId, plan.loadVisitors, plan.loadMessages));
  }
} finally {
  await browser?.close();
  await stack.close();
}
if (!sizeOnly && !widgetOnly) figures.inbox = await timed(`inbox with ${plan.inboxConversations} conversations × ${plan.bootRuns}`, () => benchInbox());
if (!sizeOnly && !widgetOnly) figures.engagementResults = await timed("engagement results with 100,000 impressions", () => measureEngagementResults(plan.resultsRuns, log));

/** The inbox on a backend of its own, whose demo workspace holds 500 more conversations. */
async function benchInbox() {
  const inboxStack = await startBenchStack(distDir, 0, plan.inboxConversations);
  const inboxBrowser = await launchChromium();
  try {
    const operator = inboxStack.backend.operators.find((candidate) => candidate.role === "agent");
    if (!operator) throw new Error("the bench backend's demo has no agent to sign in");
    return await measureInbox(inboxBrowser, inboxStack.site.url, operator, plan.inboxConversations, plan.bootRuns);
  } finally {
    await inboxBrowser.close();
    await inboxStack.close();
  }
}

const verdicts = judge(figures);
console.log(`\n${formatTable(verdicts)}\n`);
if (figures.sizes) console.log(`${formatBytes(figures.sizes)}\n`);
if (bannerBootGzip !== undefined) console.log(`the demo's seeded announcement banner, when due, adds ${(bannerBootGzip / 1000).toFixed(2)} KB gzip of overlay chunks before open (not budgeted: overlays load only when one is due)\n`);
for (const [visit, boot] of [["first visit", figures.boot], ["returning visitor", figures.bootReturning]] as const) {
  if (!boot) continue;
  const { launcherUsableMs: usable, longTaskMs, longTasks } = boot;
  console.log(`${visit}: launcher usable ${Math.round(usable.min)} / ${Math.round(usable.median)} / ${Math.round(usable.max)} ms (min / median / max); long tasks per boot ${longTasks.min}–${longTasks.max}, median ${Math.round(longTaskMs.median)} ms in total`);
}
if (sideBySide && figures.sizes) console.log(`\n${formatSideBySide(sideBySide, figures.sizes.boot.gzip)}\n`);
if (figures.roundTrip) {
  const rt = figures.roundTrip;
  console.log(`round trip: agent sees the message p50 ${rt.agentSeesP50Ms.toFixed(1)} ms; reply reaches the visitor p50 ${rt.replyP50Ms.toFixed(1)} ms; max ${Math.round(rt.maxMs)} ms`);
}
if (figures.inbox) {
  const { js, longTasksDuringLoad } = figures.inbox;
  console.log(`inbox: ${js.files.length} JS files, ${(js.raw / 1000).toFixed(1)} KB raw, ${(js.gzip / 1000).toFixed(1)} KB gzip, ${(js.brotli / 1000).toFixed(1)} KB brotli; long tasks before the list shows: median ${longTasksDuringLoad.median}`);
}
if (figures.engagementResults) {
  const { impressions, visitors, seedMs, rebuildBatchMs, counterRows } = figures.engagementResults;
  console.log(`engagement results: ${impressions} impressions from ${visitors} visitors seeded in ${(seedMs / 1000).toFixed(1)} s (${counterRows} counter rows); a rebuild batch of 200 rows ${rebuildBatchMs.toFixed(0)} ms`);
}
if (figures.load) {
  const load = figures.load;
  console.log(`load: ${load.sent} messages sent, ${load.stored} stored, ${load.rateLimitedRetries} rate-limited sends retried, in ${load.seconds.toFixed(1)} s`);
}
console.log(`reference, ${REFERENCE.widget}: ${REFERENCE.gzipKb} KB gzip, launcher ${REFERENCE.launcherMs} ms at 4x, ${REFERENCE.longTasks} long tasks (${REFERENCE.longTaskMs} ms)`);

const mode = sizeOnly ? "size-only" : check ? "check" : widgetOnly ? "widget-only" : "full";
const results = {
  mode,
  measuredAt: new Date().toISOString(),
  version: JSON.parse(readFileSync(join(distDir, "manifest.json"), "utf8")).version as string,
  environment: { node: process.version, chromium: CHROMIUM_PATH, cpuThrottle: CPU_THROTTLE, settleMs: SETTLE_MS, plan },
  reference: REFERENCE,
  ...(bannerBootGzip !== undefined ? { demoBannerBootGzipBytes: bannerBootGzip } : {}),
  ...(sideBySide ? { sideBySide } : {}),
  verdicts,
  figures,
  seconds: (performance.now() - started) / 1000,
};
const resultsDir = join(ROOT, "bench/results");
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, mode === "full" ? "latest.json" : `${mode}.json`);
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${resultsFile} after ${results.seconds.toFixed(1)} s`);

const broken = verdicts.filter((v) => !v.ok);
if (check && broken.length > 0) {
  console.error(`[bench] ${broken.length} budget(s) broken: ${broken.map((v) => v.figure).join("; ")}`);
  process.exit(1);
}
process.exit(0);
