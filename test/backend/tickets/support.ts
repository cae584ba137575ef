import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import type { TestBackend } from "../helpers";
import { messengerSetup } from "../messenger/support";

/**
 * A workspace ("acme") with an admin and an agent, a second workspace with its
 * own admin, and alice's ticket in acme. Operators call with a Convex Auth
 * style subject ("<userId>|<sessionId>").
 */
export async function ticketSetup() {
  const setup = await messengerSetup();
  const { t, workspaceId, otherWorkspaceId } = setup;
  const adminId = await addMember(t, workspaceId, "user-ada", "admin", "Ada");
  const agentId = await addMember(t, workspaceId, "user-bo", "agent", "Bo");
  const outsiderId = await addMember(t, otherWorkspaceId, "user-cy", "admin", "Cy");
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
    admin: t.withIdentity({ subject: "user-ada|session-1", name: "Ada" }),
    agent: t.withIdentity({ subject: "user-bo|session-2" }),
    outsider: t.withIdentity({ subject: "user-cy|session-3" }),
    stranger: t.withIdentity({ subject: "user-nobody|session-4" }),
  };
}

export async function addMember(
  t: TestBackend,
  workspaceId: Id<"workspaces">,
  userId: string,
  role: "admin" | "agent",
  name: string,
): Promise<Id<"members">> {
  return await t.run(async (ctx) => ctx.db.insert("members", { workspaceId, userId, role, name, createdAt: Date.now() }));
}

export const firstPage = { numItems: 10, cursor: null };
