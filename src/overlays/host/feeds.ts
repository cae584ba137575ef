import type { Candidate, ExperienceKind } from "../../engine/arbitration";
import { isTriggerSatisfied, type PageState, type Trigger } from "../../../core/engagement/triggers";
import type { TourSummary } from "../../sdk/types";
import { backend, type QueryRef } from "../../runtime/functions";

/*
 * The host's view of the engagement live queries: only what it needs to decide
 * *whether* and *when* something shows. Everything else stays raw and is parsed
 * by the overlay's own lazily loaded chunk, so the parsing code is not in runtime.js.
 */

/** The live query behind each kind. CSAT's takes no `url`. */
export const FEEDS: ReadonlyArray<readonly [ExperienceKind, QueryRef]> = [
  ["tour", backend.tours.listAll],
  ["tooltip", backend.tooltips.getActiveForVisitor],
  ["outbound", backend.outboundMessages.getEligible],
  ["survey", backend.surveys.getActiveSurveys],
  ["checklist", backend.checklists.getAllProgress],
  ["csat", backend.csat.getPending],
];

export type Entry = Candidate & {
  /** `kind:id`, unique across kinds. */
  key: string;
  /** When on the page it may start; null for kinds without one (checklists, CSAT). */
  trigger: Trigger | null;
  /**
   * Whether it may start unasked: tours when the server says so (in progress, or due
   * by frequency); checklists never (they open when asked: startChecklist, the
   * messenger's Tasks tab); everything else always.
   */
  auto: boolean;
  /** Page elements that must exist before it starts unasked. */
  selectors: string[];
  raw: unknown;
};

type Raw = Record<string, unknown>;

export function toEntries(kind: ExperienceKind, value: unknown): Entry[] {
  return Array.isArray(value) ? value.flatMap((raw: unknown) => toEntry(kind, raw) ?? []) : [];
}

function toEntry(kind: ExperienceKind, raw: unknown): Entry | null {
  if (typeof raw !== "object" || raw === null) return null;
  const item = raw as Raw;
  const id = kind === "csat" ? item["conversationId"] : item["id"];
  const timed = kind !== "checklist" && kind !== "csat";
  if (typeof id !== "string") return null;
  const steps = kind === "tour" && Array.isArray(item["steps"]) ? (item["steps"] as unknown[]) : [];
  const format = kind === "tour" ? tourFormat(steps) : (item["format"] ?? item["type"]);
  const selectors = [...steps.map((step) => (step as Raw | null)?.["selector"]), kind === "tooltip" && item["selector"]];
  return {
    kind,
    id,
    key: `${kind}:${id}`,
    priority: typeof item["priority"] === "number" ? item["priority"] : 0,
    ...(typeof format === "string" ? { format } : {}),
    trigger: timed ? (item["trigger"] as Trigger) : null,
    auto: kind === "tour" ? item["autoStart"] === true : kind !== "checklist",
    selectors: selectors.filter((selector): selector is string => typeof selector === "string"),
    raw,
  };
}

/** A tour dims the page when any of its steps is modal. */
function tourFormat(steps: unknown[]): "modal" | "pointer" {
  return steps.some((step) => (step as Raw | null)?.["kind"] !== "pointer") ? "modal" : "pointer";
}

export interface DueContext {
  page: PageState;
  /** Whether a selector matches an element of the page now. */
  resolves(selector: string): boolean;
  /** Keys asked for through the API (startTour…): due whatever their trigger says. */
  requested: ReadonlySet<string>;
  /** Keys that must not start unasked again (closed on this page, or remembered). */
  closed: ReadonlySet<string>;
  /** False while nothing may start unasked (the messenger is open; authoring mode). */
  automatic: boolean;
}

/**
 * Whether an entry should be on screen now, before arbitration. A tour starts unasked
 * only when every step's element is on the page: a tour for another page must not
 * start (and then skip all its steps) here.
 */
export function isDueNow(entry: Entry, context: DueContext): boolean {
  if (context.requested.has(entry.key)) return true;
  if (!context.automatic || !entry.auto || context.closed.has(entry.key)) return false;
  if (entry.trigger !== null && !triggerFires(entry.trigger, context.page)) return false;
  return entry.selectors.every((selector) => context.resolves(selector));
}

/** A malformed trigger never fires (and never breaks the others). */
function triggerFires(trigger: Trigger, page: PageState): boolean {
  try {
    return isTriggerSatisfied(trigger, page);
  } catch {
    return false;
  }
}

/** `getAvailableTours()`'s answer for one tour. */
export function tourSummary(entry: Entry, resolves: (selector: string) => boolean): TourSummary {
  const item = entry.raw as Raw;
  const status = item["status"];
  return {
    id: entry.id,
    name: String(item["name"]),
    description: typeof item["description"] === "string" ? item["description"] : null,
    status: status === "in_progress" || status === "completed" ? status : "new",
    elementsAvailable: entry.selectors.every(resolves),
  };
}
