import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { loadSlaContext, nextBreachDate, ticketMetrics, unrecordedBreaches, type SlaContext } from "../lib/slaClock";

/**
 * The server's side of the SLA clocks: record breaches that have happened and
 * schedule one check at the next breach date. Every plan bumps the ticket's
 * revision, so a check planned before the ticket's last change finds a newer
 * revision and does nothing.
 */

/**
 * The longest a planned check sleeps: it wakes early, finds nothing due, and
 * plans again. It keeps timers within what setTimeout-based schedulers accept
 * (about 24.8 days) and picks up office-hours changes within a week.
 */
export const SLA_CHECK_MAX_WAIT_MS = 7 * 24 * 3_600_000;

export async function scheduleSlaCheck(ctx: MutationCtx, ticketId: Id<"tickets">, now: number): Promise<Doc<"tickets">> {
  const ticket = await ctx.db.get(ticketId);
  if (ticket === null) throw new Error(`Ticket ${ticketId} vanished while planning its SLA check`);
  return await planSlaCheck(ctx, ticket, await loadSlaContext(ctx.db, ticket.workspaceId), now);
}

export async function planSlaCheck(ctx: MutationCtx, ticket: Doc<"tickets">, context: SlaContext, now: number): Promise<Doc<"tickets">> {
  const metrics = ticketMetrics(ticket, context, now);
  const breaches = unrecordedBreaches(ticket, metrics).map((breach) => ({ ...breach, recordedAt: now }));
  if (ticket.slaCheck !== undefined) {
    const job = await ctx.db.system.get(ticket.slaCheck.jobId);
    if (job?.state.kind === "pending") await ctx.scheduler.cancel(job._id);
  }
  const revision = (ticket.slaRevision ?? 0) + 1;
  const due = nextBreachDate(metrics, now);
  const slaCheck =
    due === null
      ? undefined
      : {
          jobId: await ctx.scheduler.runAt(Math.min(due, now + SLA_CHECK_MAX_WAIT_MS), internal.ticketsSla.checkBreaches, { ticketId: ticket._id, revision }),
          at: due,
          revision,
        };
  await ctx.db.patch(ticket._id, {
    slaRevision: revision,
    slaCheck,
    ...(breaches.length > 0 ? { slaBreaches: [...(ticket.slaBreaches ?? []), ...breaches] } : {}),
  });
  const updated = await ctx.db.get(ticket._id);
  if (updated === null) throw new Error(`Ticket ${ticket._id} vanished while planning its SLA check`);
  return updated;
}
