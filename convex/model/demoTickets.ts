import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import type { TicketState } from "../lib/messengerValidators";
import type { TicketPriority } from "../lib/ticketValidators";
import { addReply, changeTicket, createTicket } from "./tickets";

/**
 * The demo workspace's tickets: a default SLA policy for every priority, two
 * support teams, and tickets from demo customers across priorities and states,
 * filed hours to days ago so the inbox shows running, paused and breached
 * clocks. With a member id, some tickets are assigned to them and answered.
 */

const HOUR = 3_600_000;

/** Business-time targets by priority: [first response, resolution]. */
const DEMO_POLICY: Record<TicketPriority, [number, number]> = {
  CRITICAL: [0.5 * HOUR, 4 * HOUR],
  HIGH: [HOUR, 8 * HOUR],
  MEDIUM: [4 * HOUR, 24 * HOUR],
  LOW: [8 * HOUR, 40 * HOUR],
  MINOR: [24 * HOUR, 80 * HOUR],
};

type DemoTicket = {
  customer: { name: string; email: string };
  subject: string;
  /** One of the demo form's categories. */
  category: "Bug" | "Billing" | "Feature request";
  description: string;
  priority: TicketPriority;
  team?: "Billing" | "Technical";
  /** Hours ago it was filed. */
  filed: number;
  /** States it went through, hours after filing. */
  states: [TicketState, number][];
  /** The team's reply, hours after filing, when a member is given. */
  reply?: [string, number];
};

const DEMO_TICKETS: DemoTicket[] = [
  {
    customer: { name: "Maya Okafor", email: "maya@example.com" },
    subject: "Card declined at checkout",
    category: "Billing",
    description: "Every card I try is declined with no message, and I can't place my order.",
    priority: "CRITICAL",
    team: "Billing",
    filed: 3,
    states: [["in_progress", 0.2]],
    reply: ["Sorry about this. We see the declines on our side and are working on it now.", 0.2],
  },
  {
    customer: { name: "Lucas Martin", email: "lucas@example.com" },
    subject: "Can't reset my password",
    category: "Bug",
    description: "The reset email never arrives.",
    priority: "HIGH",
    filed: 0.5,
    states: [],
  },
  {
    customer: { name: "Sofia Rossi", email: "sofia@example.com" },
    subject: "CSV export misses the notes column",
    category: "Bug",
    description: "Exports from the reports page drop the last column.",
    priority: "MEDIUM",
    team: "Technical",
    filed: 26,
    states: [
      ["in_progress", 2],
      ["waiting_on_customer", 3],
    ],
    reply: ["Could you send us one export that shows it?", 3],
  },
  {
    customer: { name: "Jonas Berg", email: "jonas@example.com" },
    subject: "Change the address on my invoices",
    category: "Billing",
    description: "We moved offices last month.",
    priority: "LOW",
    team: "Billing",
    filed: 50,
    states: [
      ["in_progress", 4],
      ["resolved", 6],
    ],
    reply: ["Done: your next invoices carry the new address.", 6],
  },
  {
    customer: { name: "Aiko Tanaka", email: "aiko@example.com" },
    subject: "A dark theme for the dashboard?",
    category: "Feature request",
    description: "Would love one for late shifts.",
    priority: "MINOR",
    filed: 5,
    states: [],
  },
  {
    customer: { name: "Lucas Martin", email: "lucas@example.com" },
    subject: "Password reset (again)",
    category: "Bug",
    description: "Same as my other ticket.",
    priority: "MEDIUM",
    filed: 0.4,
    states: [["cancelled", 0.1]],
  },
];

export async function insertDemoTickets(
  ctx: MutationCtx,
  workspaceId: Id<"workspaces">,
  now: number,
  member?: { id: Id<"members">; name: string },
): Promise<void> {
  for (const [priority, [firstResponseMillis, resolutionMillis]] of Object.entries(DEMO_POLICY)) {
    await ctx.db.insert("slaPolicies", { workspaceId, priority: priority as TicketPriority, firstResponseMillis, resolutionMillis, updatedAt: now });
  }
  const teams = {
    Billing: await ctx.db.insert("supportTeams", { workspaceId, name: "Billing", createdAt: now, updatedAt: now }),
    Technical: await ctx.db.insert("supportTeams", { workspaceId, name: "Technical", createdAt: now, updatedAt: now }),
  };
  const customers = new Map<string, Id<"visitors">>();
  for (const demo of DEMO_TICKETS) {
    let visitorId = customers.get(demo.customer.email);
    if (visitorId === undefined) {
      visitorId = await ctx.db.insert("visitors", {
        workspaceId,
        sessionId: `demo-customer-${customers.size + 1}`,
        userId: demo.customer.email,
        ...demo.customer,
        lastSeenAt: now,
        identified: true,
        verified: false,
      });
      customers.set(demo.customer.email, visitorId);
    }
    const filedAt = now - demo.filed * HOUR;
    let ticket = await createTicket(ctx, { workspaceId, visitorId, title: demo.subject, fields: { category: demo.category, description: demo.description } }, filedAt);
    ticket = await changeTicket(
      ctx,
      ticket,
      {
        priority: demo.priority,
        ...(demo.team !== undefined ? { supportTeamId: teams[demo.team] } : {}),
        ...(member !== undefined && demo.reply !== undefined ? { assigneeId: member.id, by: member.id } : {}),
      },
      filedAt,
    );
    // Replies and state changes in the order they happened.
    const steps: ({ kind: "state"; state: TicketState; at: number } | { kind: "reply"; body: string; at: number })[] = demo.states.map(([state, after]) => ({
      kind: "state",
      state,
      at: filedAt + after * HOUR,
    }));
    if (member !== undefined && demo.reply !== undefined) steps.push({ kind: "reply", body: demo.reply[0], at: filedAt + demo.reply[1] * HOUR });
    steps.sort((a, b) => a.at - b.at || (a.kind === "reply" ? -1 : 1));
    for (const step of steps) {
      const current = await ctx.db.get(ticket._id);
      if (current === null) break;
      if (step.kind === "reply") {
        if (member !== undefined) await addReply(ctx, current, { author: "agent", memberId: member.id, authorName: member.name, body: step.body }, step.at);
      } else ticket = await changeTicket(ctx, current, { state: step.state, ...(member !== undefined ? { by: member.id } : {}) }, step.at);
    }
  }
}
