import { DEFAULT_PRIORITY, type TicketTimeline } from "../../core/sla/types";
import type { Doc, Id } from "../_generated/dataModel";
import type { TicketState } from "./messengerValidators";
import type { TicketPriority } from "./ticketValidators";

/**
 * A ticket's operator fields read with their defaults, so rows filed before
 * priorities, assignees and timestamped changes existed read like new ones.
 */

type Ticket = Doc<"tickets">;
export type StateChange = { state: TicketState; at: number; by?: Id<"members"> };

const CODE = /^TK-([1-9]\d{0,9})$/i;

/** "TK-12": what people (visitors included) call the ticket. */
export const ticketCode = (number: number): string => `TK-${number}`;

/** The number in "TK-12" (any case); null for anything else. */
export function numberOfCode(code: string): number | null {
  const match = CODE.exec(code.trim());
  return match?.[1] === undefined ? null : Number(match[1]);
}

export const priorityOf = (ticket: Ticket): TicketPriority => ticket.priority ?? DEFAULT_PRIORITY;

/** Stored state changes, or for an older row the distinct states of its visitor-facing history. */
export function stateChangesOf(ticket: Ticket): StateChange[] {
  if (ticket.stateChanges !== undefined) return ticket.stateChanges;
  const changes: StateChange[] = [];
  for (const entry of ticket.history) {
    if (changes[changes.length - 1]?.state !== entry.state) changes.push({ state: entry.state, at: entry.at });
  }
  return changes;
}

/** What the SLA clocks read. */
export function timelineOf(ticket: Ticket): TicketTimeline {
  return {
    createdAt: ticket.createdAt,
    states: stateChangesOf(ticket).map(({ state, at }) => ({ state, at })),
    teams: (ticket.teamChanges ?? []).map((change) => ({ teamId: change.supportTeamId, at: change.at })),
    assignees: (ticket.assigneeChanges ?? []).map((change) => ({ assigneeId: change.assigneeId, at: change.at })),
    firstResponseAt: ticket.firstResponseAt,
  };
}
