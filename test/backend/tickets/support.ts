import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import type { TestBackend } from "../helpers";
import { signedInOperator } from "../inbox/support";
import { messengerSetup } from "../messenger/support";

/**
 * A workspace ("acme") with an admin and an agent, a second workspace with its
 * own admin, and alice's ticket in acme. Operators are signed in the way Convex
 * Auth signs them in (a user, a live session, the subject "<userId>|<sessionId>").
 */
export async function ticketSetup() {
  const setup = await messengerSetup();
  const { t, workspaceId, otherWorkspaceId } = setup;
  const ada = await signedInOperator(t, workspaceId, "admin", "Ada@example.com");
  const bo = await signedInOperator(t, workspaceId, "agent", "Bo@example.com");
  const cy = await signedInOperator(t, otherWorkspaceId, "admin", "Cy@example.com");
  const nobody = await signedInOperator(t, null, "agent", "nobody@example.com");
  const adminId = await memberIdOf(t, ada.userId);
  const agentId = await memberIdOf(t, bo.userId);
  const outsiderId = await memberIdOf(t, cy.userId);
  const ticket = await t.mutation(api.tickets.create, {
    sessionToken: setup.alice.sessionToken,
    title: "Checkout fails",
    fields: { description: "The pay button does nothing." },
  });
  return {
    ...setup,
    ticket,
    adminId,
    agentId,
    outsiderId,
    admin: ada.client,
    agent: bo.client,
    outsider: cy.client,
    stranger: nobody.client,
  };
}

async function memberIdOf(t: TestBackend, userId: Id<"users">): Promise<Id<"members">> {
  const member = await t.run(async (ctx) => await ctx.db.query("members").withIndex("by_user", (q) => q.eq("userId", userId)).first());
  if (member === null) throw new Error("the operator has no membership");
  return member._id;
}

export const firstPage = { numItems: 10, cursor: null };
