import type { Doc } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { auditEntryView, type AuditEntryView } from "../lib/auditEntries";

/*
 * Read-side helpers of the configuration API: latency metrics summarised per
 * metric, and audit entries joined with the outcome of their callback POST.
 */

/** The newest samples a summary looks at. */
export const METRIC_SAMPLE = 1000;

export type MetricSummary = {
  eventType: Doc<"widgetConfigMetrics">["eventType"];
  metric: string;
  count: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  lastMs: number;
  lastAt: number;
};

const percentile = (sorted: number[], fraction: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0;

/** Rows newest first → one summary per (event type, metric). */
export function summarizeMetrics(rows: readonly Doc<"widgetConfigMetrics">[]): MetricSummary[] {
  const groups = new Map<string, Doc<"widgetConfigMetrics">[]>();
  for (const row of rows) {
    const key = `${row.eventType}\u0000${row.metric}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const values = group.map((row) => row.valueMs).sort((a, b) => a - b);
    const last = group[0]!;
    return {
      eventType: last.eventType,
      metric: last.metric,
      count: group.length,
      p50Ms: percentile(values, 0.5),
      p95Ms: percentile(values, 0.95),
      maxMs: values[values.length - 1] ?? 0,
      lastMs: last.valueMs,
      lastAt: last.at,
    };
  });
}

export type ConfigAuditView = AuditEntryView & {
  callback: { status: string; attempts: number; lastStatusCode: number | null; lastError: string | null } | null;
};

export async function withCallbackOutcome(db: DatabaseReader, entry: Doc<"auditLog">): Promise<ConfigAuditView> {
  const deliveryId = entry.details?.["callbackDeliveryId"];
  const delivery = typeof deliveryId === "string" ? await db.get("deliveries", deliveryId as Doc<"deliveries">["_id"]) : null;
  return {
    ...auditEntryView(entry),
    callback:
      delivery === null
        ? null
        : { status: delivery.status, attempts: delivery.attempts, lastStatusCode: delivery.lastStatusCode ?? null, lastError: delivery.lastError ?? null },
  };
}
