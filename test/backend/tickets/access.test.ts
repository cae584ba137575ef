import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { expectAppError, type TestBackend } from "../helpers";
import { firstPage, ticketSetup } from "./support";

type Caller = Pick<TestBackend, "query" | "mutation">;
type Setup = Awaited<ReturnType<typeof ticketSetup>>;

/** Every operator function, called on acme by `caller`; `admin` marks the admin-only ones. */
function operatorCalls(setup: Setup, teamId: string) {
  const workspaceId = setup.workspaceId;
  const ticket = setup.ticket.id;
  return [
    { name: "ticketsInbox.list", admin: false, call: (c: Caller) => c.query(api.ticketsInbox.list, { workspaceId, paginationOpts: firstPage }) },
    { name: "ticketsInbox.get", admin: false, call: (c: Caller) => c.query(api.ticketsInbox.get, { workspaceId, ticket }) },
    { name: "ticketsInbox.update", admin: false, call: (c: Caller) => c.mutation(api.ticketsInbox.update, { workspaceId, ticket, priority: "HIGH" }) },
    { name: "ticketsInbox.reply", admin: false, call: (c: Caller) => c.mutation(api.ticketsInbox.reply, { workspaceId, ticket, body: "On it" }) },
    { name: "supportTeams.list", admin: false, call: (c: Caller) => c.query(api.supportTeams.list, { workspaceId }) },
    { name: "supportTeams.create", admin: true, call: (c: Caller) => c.mutation(api.supportTeams.create, { workspaceId, name: "Billing" }) },
    { name: "supportTeams.rename", admin: true, call: (c: Caller) => c.mutation(api.supportTeams.rename, { workspaceId, teamId, name: "Payments" }) },
    { name: "supportTeams.remove", admin: true, call: (c: Caller) => c.mutation(api.supportTeams.remove, { workspaceId, teamId }) },
    { name: "slaPolicies.list", admin: false, call: (c: Caller) => c.query(api.slaPolicies.list, { workspaceId }) },
    {
      name: "slaPolicies.set",
      admin: true,
      call: (c: Caller) => c.mutation(api.slaPolicies.set, { workspaceId, priority: "HIGH", firstResponseMillis: 3_600_000, resolutionMillis: null }),
    },
  ];
}

async function withTeam(setup: Setup): Promise<string> {
  return (await setup.admin.mutation(api.supportTeams.create, { workspaceId: setup.workspaceId, name: "Support" })).id;
}

describe("operator functions check identity, membership and role on the server", () => {
  test("without an identity every one is UNAUTHENTICATED", async () => {
    const setup = await ticketSetup();
    for (const { name, call } of operatorCalls(setup, await withTeam(setup))) {
      await expectAppError(call(setup.t), "UNAUTHENTICATED").catch((error: unknown) => {
        throw new Error(`${name}: ${String(error)}`);
      });
    }
  });

  test("a signed-in user who is no member, or a member of another workspace, is FORBIDDEN everywhere", async () => {
    const setup = await ticketSetup();
    for (const { name, call } of operatorCalls(setup, await withTeam(setup))) {
      for (const caller of [setup.stranger, setup.outsider]) {
        await expectAppError(call(caller), "FORBIDDEN").catch((error: unknown) => {
          throw new Error(`${name}: ${String(error)}`);
        });
      }
    }
  });

  test("an agent works tickets but cannot do an admin's job", async () => {
    const setup = await ticketSetup();
    const calls = operatorCalls(setup, await withTeam(setup));
    for (const { name, admin, call } of calls) {
      if (admin) {
        await expectAppError(call(setup.agent), "FORBIDDEN").catch((error: unknown) => {
          throw new Error(`${name}: ${String(error)}`);
        });
      } else {
        await expect(call(setup.agent), name).resolves.toBeDefined();
      }
    }
    // Nothing the refused calls asked for happened.
    expect(await setup.admin.query(api.supportTeams.list, { workspaceId: setup.workspaceId })).toMatchObject([{ name: "Support" }]);
    const policies = await setup.admin.query(api.slaPolicies.list, { workspaceId: setup.workspaceId });
    expect(policies.every((policy) => policy.firstResponseMillis === null && policy.resolutionMillis === null)).toBe(true);
  });

  test("a member of another workspace reads nothing of acme through their own workspace either", async () => {
    const setup = await ticketSetup();
    const teamId = await withTeam(setup);
    const own = setup.otherWorkspaceId;
    const ticket = setup.ticket.id;
    await expectAppError(setup.outsider.query(api.ticketsInbox.get, { workspaceId: own, ticket }), "NOT_FOUND", "ticket");
    await expectAppError(setup.outsider.query(api.ticketsInbox.get, { workspaceId: own, ticket: setup.ticket.code }), "NOT_FOUND", "ticket");
    await expectAppError(setup.outsider.mutation(api.ticketsInbox.update, { workspaceId: own, ticket, state: "cancelled" }), "NOT_FOUND", "ticket");
    await expectAppError(setup.outsider.mutation(api.ticketsInbox.reply, { workspaceId: own, ticket, body: "hi" }), "NOT_FOUND", "ticket");
    await expectAppError(setup.outsider.mutation(api.supportTeams.rename, { workspaceId: own, teamId, name: "Mine" }), "NOT_FOUND", "teamId");
    await expectAppError(setup.outsider.mutation(api.supportTeams.remove, { workspaceId: own, teamId }), "NOT_FOUND", "teamId");
    const queue = await setup.outsider.query(api.ticketsInbox.list, { workspaceId: own, paginationOpts: firstPage });
    expect(queue.page).toEqual([]);
    expect(await setup.outsider.query(api.supportTeams.list, { workspaceId: own })).toEqual([]);
    // acme's admin cannot assign acme's ticket to the other workspace's member.
    await expectAppError(
      setup.admin.mutation(api.ticketsInbox.update, { workspaceId: setup.workspaceId, ticket, assigneeId: setup.outsiderId as Id<"members"> }),
      "INVALID_ARGUMENT",
      "assigneeId",
    );
  });
});
