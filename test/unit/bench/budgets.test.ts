// @vitest-environment node
// The bench's statistics and its verdicts against docs/performance.md (bench/stats.ts, bench/budgets.ts).
import { describe, expect, it } from "vitest";
import { formatTable, judge, type Figures } from "../../../bench/budgets";
import { measureBytes, sumBytes } from "../../../bench/sizes";
import { quantile, summarize } from "../../../bench/stats";

describe("stats", () => {
  it("interpolates quantiles between ranks and summarises with median and IQR", () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBeCloseTo(9.91);
    expect(quantile([], 0.5)).toBeNaN();
    expect(summarize([300, 100, 200, 400, 500])).toEqual({ median: 300, iqr: 200, q1: 200, q3: 400, min: 100, max: 500, runs: 5 });
  });
});

describe("bytes", () => {
  it("measures raw, gzip and brotli, and sums them", () => {
    const body = Buffer.from("export const a = 1;\n".repeat(200));
    const bytes = measureBytes(body);
    expect(bytes.raw).toBe(body.length);
    expect(bytes.gzip).toBeLessThan(bytes.raw);
    expect(bytes.brotli).toBeLessThan(bytes.raw);
    expect(sumBytes([bytes, bytes])).toEqual({ raw: 2 * bytes.raw, gzip: 2 * bytes.gzip, brotli: 2 * bytes.brotli });
  });
});

const summary = (median: number) => ({ median, iqr: 0, q1: median, q3: median, min: median, max: median, runs: 10 });
const bytes = (gzip: number) => ({ raw: gzip * 3, gzip, brotli: gzip - 1 });

function figures(over: { loader?: number; boot?: number; open?: number; picker?: number; launcher?: number; longTasks?: number; heap?: number; p50?: number; p99?: number; lost?: number; duplicated?: number } = {}): Figures {
  return {
    sizes: { loader: bytes(over.loader ?? 1400), boot: { ...bytes(over.boot ?? 37_000), files: [] }, open: { ...bytes(over.open ?? 12_000), files: [] }, emojiPicker: { ...bytes(over.picker ?? 8_000), files: [] } },
    boot: {
      runs: [],
      launcherUsableMs: summary(over.launcher ?? 250),
      longTasks: summary(over.longTasks ?? 0),
      longTaskMs: summary(0),
      heapBytes: summary(600_000 + (over.heap ?? 1_000_000)),
      blankPageHeapBytes: 600_000,
    },
    roundTrip: { samples: 200, p50Ms: over.p50 ?? 14, p99Ms: over.p99 ?? 60, maxMs: 70, agentSeesP50Ms: 8, replyP50Ms: 6 },
    load: { visitors: 200, messagesPerVisitor: 10, sent: 2000, stored: 2000, lost: over.lost ?? 0, duplicated: over.duplicated ?? 0, rateLimitedRetries: 0, failedVisitors: 0, seconds: 10 },
  };
}

describe("judge", () => {
  it("passes figures within every budget, at the limits included", () => {
    expect(judge(figures()).every((v) => v.ok)).toBe(true);
    expect(judge(figures({ loader: 2000, boot: 37_000, open: 25_000, picker: 10_000, launcher: 300, heap: 1_300_000, p50: 50, p99: 250 })).every((v) => v.ok)).toBe(true);
  });

  it("fails each figure just over its budget", () => {
    const cases: Array<[Parameters<typeof figures>[0], RegExp]> = [
      [{ loader: 2001 }, /loader/],
      [{ boot: 37_001 }, /before the messenger opens/],
      [{ open: 25_001 }, /opening it/],
      [{ picker: 10_001 }, /emoji picker/],
      [{ launcher: 301 }, /launcher usable/],
      [{ longTasks: 1 }, /long tasks/],
      [{ heap: 1_300_001 }, /heap/],
      [{ p50: 51 }, /round trip p50/],
      [{ p99: 251 }, /round trip p99/],
      [{ lost: 1 }, /lost/],
      [{ duplicated: 1 }, /duplicated/],
    ];
    for (const [over, figure] of cases) {
      const broken = judge(figures(over)).filter((v) => !v.ok);
      expect(broken.map((v) => v.figure), JSON.stringify(over)).toEqual([expect.stringMatching(figure)]);
    }
  });

  it("judges only what was measured and prints a table", () => {
    const { sizes } = figures();
    const verdicts = judge({ sizes: sizes! });
    expect(verdicts).toHaveLength(4);
    expect(formatTable(verdicts).split("\n")[2]).toMatch(/^loader widget\.js \(gzip\)\s+1\.40 KB\s+≤ 2 KB\s+ok$/);
  });
});

describe("judge, the inbox", () => {
  const inbox = (over: { gzip?: number; usable?: number; switchMs?: number } = {}): Figures => ({
    inbox: {
      conversations: 500,
      js: { ...bytes(over.gzip ?? 36_000), files: [] },
      chatsUsableMs: summary(over.usable ?? 880),
      switchMs: summary(over.switchMs ?? 290),
      longTasksDuringLoad: summary(2),
    },
  });

  it("passes at the limits and fails each figure just over it", () => {
    expect(judge(inbox({ gzip: 80_000, usable: 1000, switchMs: 300 })).every((v) => v.ok)).toBe(true);
    const cases: Array<[Parameters<typeof inbox>[0], RegExp]> = [
      [{ gzip: 80_001 }, /inbox JS/],
      [{ usable: 1001 }, /Chats usable, 500 conversations/],
      [{ switchMs: 301 }, /conversation switch/],
    ];
    for (const [over, figure] of cases) {
      expect(judge(inbox(over)).filter((v) => !v.ok).map((v) => v.figure)).toEqual([expect.stringMatching(figure)]);
    }
  });
});
