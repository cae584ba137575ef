import { z } from "zod";
import { failedAnswerError } from "./gatewayProtocol";

/**
 * How hard each integration tries: timeouts, retries and backoff are settings,
 * snapshotted into each delivery when it is queued (a delivery keeps the
 * schedule it started with). `OPENCOM_OUTGOING_POLICY` overrides them on a
 * deployment, as JSON keyed by kind or `*`:
 * `{"*": {"backoffBaseMs": 20, "backoffCapMs": 100, "timeoutMs": 500}}`,
 * which is how tests run an hour of retries in milliseconds.
 */

export const DELIVERY_KINDS = ["webhook", "bot", "gateway", "configCallback", "email"] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export type DeliveryPolicy = {
  /** One attempt's limit, connection to last byte. */
  timeoutMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The first retry waits about this long; each next one twice as long… */
  backoffBaseMs: number;
  /** …up to this. */
  backoffCapMs: number;
  /** Give up once a retry would start later than this after queueing (null: only maxAttempts). */
  giveUpAfterMs: number | null;
  /** A receiver's `Retry-After` is honoured up to this. */
  retryAfterCapMs: number;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const DEFAULT_POLICIES: Record<DeliveryKind, DeliveryPolicy> = {
  // Like Stripe's and GitHub's: a receiver down for a few hours still gets everything.
  webhook: { timeoutMs: 10 * SECOND, maxAttempts: 10, backoffBaseMs: 30 * SECOND, backoffCapMs: HOUR, giveUpAfterMs: null, retryAfterCapMs: HOUR },
  // A visitor is waiting: about 30 s in all, then the story hands off to the team.
  bot: { timeoutMs: 10 * SECOND, maxAttempts: 4, backoffBaseMs: SECOND, backoffCapMs: 4 * SECOND, giveUpAfterMs: 30 * SECOND, retryAfterCapMs: 5 * SECOND },
  // In order per chat, over about an hour, then a dead letter an operator can retry.
  gateway: { timeoutMs: 10 * SECOND, maxAttempts: 12, backoffBaseMs: 5 * SECOND, backoffCapMs: 15 * MINUTE, giveUpAfterMs: HOUR, retryAfterCapMs: 15 * MINUTE },
  configCallback: { timeoutMs: 10 * SECOND, maxAttempts: 5, backoffBaseMs: 2 * SECOND, backoffCapMs: MINUTE, giveUpAfterMs: null, retryAfterCapMs: MINUTE },
  // A reply to a visitor who left: ten tries over one to two hours (30 s doubling to 30 min), never past a day.
  email: { timeoutMs: 15 * SECOND, maxAttempts: 10, backoffBaseMs: 30 * SECOND, backoffCapMs: 30 * MINUTE, giveUpAfterMs: 24 * HOUR, retryAfterCapMs: HOUR },
};

const positiveMs = z.number().int().min(1).max(7 * 24 * HOUR);
const policyOverride = z.strictObject({
  timeoutMs: positiveMs.optional(),
  maxAttempts: z.number().int().min(1).max(50).optional(),
  backoffBaseMs: positiveMs.optional(),
  backoffCapMs: positiveMs.optional(),
  giveUpAfterMs: positiveMs.nullable().optional(),
  retryAfterCapMs: z.number().int().min(0).max(7 * 24 * HOUR).optional(),
});
const overridesSchema = z.partialRecord(z.enum(["*", ...DELIVERY_KINDS]), policyOverride);

export const POLICY_VARIABLE = "OPENCOM_OUTGOING_POLICY";

/** The policy for `kind` with the deployment's overrides; a malformed override is a deployment error, named. */
export function policyFor(kind: DeliveryKind, overridesJson: string | undefined = process.env[POLICY_VARIABLE]): DeliveryPolicy {
  if (overridesJson === undefined || overridesJson.trim() === "") return DEFAULT_POLICIES[kind];
  let raw: unknown;
  try {
    raw = JSON.parse(overridesJson);
  } catch {
    throw new Error(`${POLICY_VARIABLE} must be JSON.`);
  }
  const parsed = overridesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${POLICY_VARIABLE}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "is invalid"}`);
  }
  const merged = { ...DEFAULT_POLICIES[kind] };
  for (const override of [parsed.data["*"], parsed.data[kind]]) {
    for (const [key, value] of Object.entries(override ?? {})) {
      if (value !== undefined) Object.assign(merged, { [key]: value });
    }
  }
  return merged;
}

/**
 * The wait before the next attempt after `attemptsMade` attempts: exponential
 * (base·2^(n−1), capped) with "equal jitter" (half fixed, half random), so
 * receivers coming back up are not hit by every sender at once. A
 * `Retry-After` longer than that is honoured up to its cap.
 */
export function retryDelayMs(policy: DeliveryPolicy, attemptsMade: number, jitter: number, retryAfterMs: number | null): number {
  const exponential = Math.min(policy.backoffCapMs, policy.backoffBaseMs * 2 ** Math.max(0, attemptsMade - 1));
  const jittered = Math.round(exponential / 2 + (Math.min(Math.max(jitter, 0), 1) * exponential) / 2);
  if (retryAfterMs === null) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, policy.retryAfterCapMs));
}

/** `Retry-After` as delta-seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export type AttemptOutcome =
  | { kind: "success"; statusCode: number }
  | { kind: "retryable"; statusCode?: number; error: string; retryAfterMs: number | null }
  | { kind: "permanent"; statusCode?: number; error: string };

/**
 * A 2xx is a failure all the same when the integration's protocol says so in
 * the body: a gateway service answers `{success: false, error}`. Such an answer
 * is retried like a 5xx, and the service's error text is what the log shows.
 */
export function outcomeOfAnswer(kind: DeliveryKind, outcome: AttemptOutcome, responseBody: string | null): AttemptOutcome {
  if (outcome.kind !== "success" || kind !== "gateway") return outcome;
  const error = failedAnswerError(responseBody);
  return error === null ? outcome : { kind: "retryable", statusCode: outcome.statusCode, error, retryAfterMs: null };
}

/** 2xx succeeds; 408, 425, 429 and 5xx are worth another try; redirects and other 4xx are not. */
export function outcomeOfStatus(statusCode: number, retryAfterMs: number | null): AttemptOutcome {
  if (statusCode >= 200 && statusCode < 300) return { kind: "success", statusCode };
  const error = `Request failed with status code ${statusCode}`;
  if (statusCode >= 500 || statusCode === 408 || statusCode === 425 || statusCode === 429) {
    return { kind: "retryable", statusCode, error, retryAfterMs };
  }
  if (statusCode >= 300 && statusCode < 400) {
    return { kind: "permanent", statusCode, error: `${error} (redirects are not followed)` };
  }
  return { kind: "permanent", statusCode, error };
}

export type NextStep = { kind: "succeeded" } | { kind: "retry"; at: number } | { kind: "dead" };

/** After an attempt: done, another try at `at`, or give up (attempts spent, past the deadline, or not worth retrying). */
export function nextStep(
  policy: DeliveryPolicy,
  outcome: AttemptOutcome,
  state: { attemptsMade: number; queuedAt: number; now: number; jitter: number },
): NextStep {
  if (outcome.kind === "success") return { kind: "succeeded" };
  if (outcome.kind === "permanent" || state.attemptsMade >= policy.maxAttempts) return { kind: "dead" };
  const at = state.now + retryDelayMs(policy, state.attemptsMade, state.jitter, outcome.retryAfterMs);
  if (policy.giveUpAfterMs !== null && at > state.queuedAt + policy.giveUpAfterMs) return { kind: "dead" };
  return { kind: "retry", at };
}
