import { v, type Infer } from "convex/values";
import type { SlaMetricKey as CoreMetricKey, TicketPriority as CorePriority, TicketState as CoreState } from "../../core/sla/types";
import { ticketStateValidator, type TicketState } from "./messengerValidators";

/*
 * Field validators of tickets' operator side: priority, assignee, support team,
 * the timestamped changes the SLA clocks read, replies and SLA policies.
 */

export const ticketPriorityValidator = v.union(
  v.literal("CRITICAL"),
  v.literal("HIGH"),
  v.literal("MEDIUM"),
  v.literal("LOW"),
  v.literal("MINOR"),
);

export const slaMetricKeyValidator = v.union(
  v.literal("TIME_IN_CURRENT_STATE"),
  v.literal("TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM"),
  v.literal("TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM"),
  v.literal("TIME_TO_FIRST_RESPONSE"),
  v.literal("TIME_TO_RESOLVE"),
);

/** Who made a change: a member, or nobody (the visitor, the REST API, the system). */
const by = v.optional(v.id("members"));

export const stateChangeValidator = v.object({ state: ticketStateValidator, at: v.number(), by });
export const priorityChangeValidator = v.object({ priority: ticketPriorityValidator, at: v.number(), by });
export const assigneeChangeValidator = v.object({ assigneeId: v.union(v.id("members"), v.null()), at: v.number(), by });
export const teamChangeValidator = v.object({ supportTeamId: v.union(v.id("supportTeams"), v.null()), at: v.number(), by });

/** A breach the scheduled check recorded: which clock, when it fell due, when the server saw it. */
export const slaBreachValidator = v.object({ metric: slaMetricKeyValidator, breachDate: v.number(), recordedAt: v.number() });

/** The pending breach check: `revision` makes a run scheduled before the ticket's last change a no-op. */
export const slaCheckValidator = v.object({ jobId: v.id("_scheduled_functions"), at: v.number(), revision: v.number() });

export const replyAuthorValidator = v.union(v.literal("agent"), v.literal("visitor"));

export type TicketPriority = Infer<typeof ticketPriorityValidator>;
export type SlaMetricKey = Infer<typeof slaMetricKeyValidator>;

/* The validators spell out core/sla's lists; these stop compiling if the two drift apart. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type PrioritiesMatchCore = Assert<Same<TicketPriority, CorePriority>>;
export type MetricKeysMatchCore = Assert<Same<SlaMetricKey, CoreMetricKey>>;
export type StatesMatchCore = Assert<Same<TicketState, CoreState>>;
