// The engagement results queries with 100,000 impressions seeded: one local-backend engine
// in this process (its own data dir, no servers), the rows a widget would leave for 33,334
// visitors (tour progress, three impressions each, survey responses, checklist progress,
// CSAT ratings), counted as they are written, then each results query timed over many runs. Standalone: `npx tsx bench/engagement-results.ts [--runs N]`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Engine } from "../local-backend/engine/engine";
import { RESULTS_BUDGET } from "./budgets";
import { quantile } from "./stats";

export const RESULTS_IMPRESSIONS = 100_000;

export interface ResultsQueryFigures {
  query: string;
  p50Ms: number;
  p99Ms: number;
  runs: number;
}
export interface EngagementResultsFigures {
  impressions: number;
  visitors: number;
  seedMs: number;
  /** One rebuild batch (200 rows), on average over the first few of a checklist's. */
  rebuildBatchMs: number;
  /** Counter rows the results read (all items and CSAT days). */
  counterRows: number;
  queries: ResultsQueryFigures[];
}

const SEED_BATCH = 500;
/** Rebuild batches timed (the first clears the checklist's counters, which the seed wrote). */
const REBUILD_SAMPLE_BATCHES = 10;

export async function measureEngagementResults(runs = 60, log: (line: string) => void = () => {}): Promise<EngagementResultsFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), "opencom-results-bench-"));
  const engine = await Engine.create({
    functionsDir: resolve(import.meta.dirname, "../convex"),
    dataDir,
    publicUrl: "http://127.0.0.1:9",
    walSync: "off",
    functionTimeoutMultiplier: 20,
    log: () => {},
  });
  const run = (name: string, args: Record<string, unknown>) => engine.runInternal(name, args as never) as Promise<any>;
  try {
    const workspaceId = (await run("workspaces:create", {
      publicId: "bench",
      name: "Bench",
      allowedOrigins: ["https://bench.example.com"],
      identitySecret: "bench-secret",
    })) as string;
    await createContent(run, workspaceId);

    const visitors = Math.ceil(RESULTS_IMPRESSIONS / 3);
    const seedStart = performance.now();
    let impressions = 0;
    let items: Record<string, string> = {};
    for (let from = 0; from < visitors; from += SEED_BATCH) {
      const seeded = await run("engagementResults:seedSampleActivity", { workspaceId, from, count: Math.min(SEED_BATCH, visitors - from), countNow: true });
      impressions += seeded.impressions;
      items = seeded.items;
      if (from % 10_000 === 0) log(`seeded ${from + SEED_BATCH} visitors`);
    }
    const seedMs = performance.now() - seedStart;

    // The rebuild, timed over its first batches: recounting all five items page by page
    // (about 900 batches) did not finish within 12 minutes on the shared bench machine.
    const rebuildStart = performance.now();
    let rebuiltBatches = 0;
    let step: Record<string, unknown> | null = { workspaceId, type: "checklist", id: items.checklist };
    while (step !== null && rebuiltBatches < REBUILD_SAMPLE_BATCHES) {
      step = (await run("engagementResults:rebuild", { ...step, chain: false })).next;
      rebuiltBatches += 1;
    }
    const rebuildMs = (performance.now() - rebuildStart) / rebuiltBatches;

    const queries: ResultsQueryFigures[] = [];
    const time = async (query: string, name: string, args: Record<string, unknown>) => {
      const samples: number[] = [];
      for (let index = 0; index < runs + 5; index += 1) {
        const started = performance.now();
        const result = await engine.runQuery(name, args as never, { admin: true });
        if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result)}`);
        if (index >= 5) samples.push(performance.now() - started); // the first runs warm up
      }
      queries.push({ query, p50Ms: quantile(samples, 0.5), p99Ms: quantile(samples, 0.99), runs: samples.length });
    };
    for (const [type, id] of Object.entries(items)) await time(type, "engagementResults:getForApi", { workspaceId, type, id });
    await time("csat (90 days)", "engagementResults:csatForApi", { workspaceId, days: 90 });
    const counterRows = (await run("engagementResults:counterRowCount", { workspaceId })) as number;
    return { impressions, visitors, seedMs, rebuildBatchMs: rebuildMs, counterRows, queries };
  } finally {
    engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function createContent(run: (name: string, args: Record<string, unknown>) => Promise<unknown>, workspaceId: string) {
  const timed = { status: "active", trigger: { type: "page_load" }, frequency: { type: "once" } };
  const modal = (title: string) => ({ kind: "modal", title, body: "…" });
  await run("tours:adminCreate", { workspaceId, fields: { name: "Welcome", ...timed, steps: [modal("One"), modal("Two"), modal("Three"), modal("Four")] } });
  await run("tooltips:adminCreate", { workspaceId, fields: { name: "Hint", ...timed, selector: "#export", body: "Export here" } });
  await run("outboundMessages:adminCreate", {
    workspaceId,
    fields: { name: "News", ...timed, type: "post", body: "New!", buttons: [{ label: "Read", action: "url", url: "https://example.com" }] },
  });
  await run("surveys:adminCreate", {
    workspaceId,
    fields: {
      name: "NPS",
      ...timed,
      format: "small",
      questions: [
        { id: "nps", type: "nps", title: "Recommend us?", required: true },
        { id: "plan", type: "single_choice", title: "Plan?", required: false, options: ["Free", "Team", "Business"] },
        { id: "rate", type: "rating", title: "Rate the docs", required: false },
        { id: "why", type: "long_text", title: "Why?", required: false },
      ],
    },
  });
  await run("checklists:adminCreate", {
    workspaceId,
    fields: { name: "Start", status: "active", tasks: ["a", "b", "c"].map((id) => ({ id, title: id, completion: { type: "manual" } })) },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runsFlag = process.argv.indexOf("--runs");
  const figures = await measureEngagementResults(runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 60, (line) => console.log(`[bench] ${line}`));
  console.log(JSON.stringify(figures, null, 2));
  const resultsDir = resolve(import.meta.dirname, "results");
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "engagement-results.json"), `${JSON.stringify({ measuredAt: new Date().toISOString(), budget: RESULTS_BUDGET, figures }, null, 2)}\n`);
}
