// How urgent a ticket is, from its SLA metrics (the protocol's `metrics` record) and a clock.

export const GROUPS = [
  { id: "breached", label: "Breached" },
  { id: "at-risk", label: "At risk" },
  { id: "on-track", label: "On track" },
  { id: "paused", label: "Paused" },
  { id: "none", label: "No SLA running" },
];

/** A metric is "at risk" with less than this share of its goal left. */
export const AT_RISK_SHARE = 0.25;

/** Milliseconds left on one metric (negative once breached), or null when it has no goal or has finished. */
export function remainingMs(metric, now) {
  if (!metric || metric.finished || typeof metric.thresholdMillis !== "number") return null;
  // A running clock counts down to breachDate; a paused one holds where it stopped.
  if (!metric.isPaused && typeof metric.breachDate === "number") return metric.breachDate - now;
  return metric.thresholdMillis - metric.ticksMillis;
}

/** The most urgent running metric of a ticket: { key, remaining, threshold, paused } or null. */
export function mostUrgent(metrics, now) {
  let best = null;
  for (const [key, metric] of Object.entries(metrics ?? {})) {
    const remaining = remainingMs(metric, now);
    if (remaining === null) continue;
    const candidate = { key, remaining, threshold: metric.thresholdMillis, paused: Boolean(metric.isPaused), breached: Boolean(metric.isBreached) || remaining <= 0 };
    if (best === null || (candidate.paused === best.paused ? candidate.remaining < best.remaining : !candidate.paused)) best = candidate;
  }
  return best;
}

export function groupOf(ticket, now) {
  const urgent = mostUrgent(ticket.metrics, now);
  if (urgent === null) return "none";
  if (urgent.breached) return "breached";
  if (urgent.paused) return "paused";
  return urgent.remaining < urgent.threshold * AT_RISK_SHARE ? "at-risk" : "on-track";
}

/** `1h 02m`, `4m 09s`, `-12s` for an overdue one. */
export function formatDuration(ms) {
  const sign = ms < 0 ? "-" : "";
  let seconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const pad = (n) => String(n).padStart(2, "0");
  if (hours > 0) return `${sign}${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return `${sign}${minutes}m ${pad(seconds)}s`;
  return `${sign}${seconds}s`;
}

export const METRIC_LABELS = {
  TIME_IN_CURRENT_STATE: "time in state",
  TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM: "waiting for an agent",
  TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM: "time with the team",
  TIME_TO_FIRST_RESPONSE: "first response",
  TIME_TO_RESOLVE: "resolution",
};
