import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { newBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "./support";

useAuthEnvironment();

const signUp = (t: ReturnType<typeof newBackend>, params: Record<string, string>) =>
  t.action(api.auth.signIn, { provider: "password", params: { flow: "signUp", ...params } });

describe("invites by link", { timeout: 60_000 }, () => {
  test("an admin's invite lets that email sign up once, as a member with the invite's role", async () => {
    const t = newBackend();
    const teams = await twoTeams(t);
    const workspaceId = teams.acme as string;
    const invite = await teams.acmeAdmin.client.action(api.invites.create, { workspaceId, email: " New.Agent@Example.com ", role: "agent" });
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await t.run((ctx) => ctx.db.query("invites").collect()))).not.toContain(invite.token);
    expect(await t.query(api.invites.preview, { token: invite.token })).toEqual({ workspaceName: "Acme", email: "new.agent@example.com", role: "agent" });
    expect(await teams.acmeAdmin.client.query(api.invites.listPending, { workspaceId })).toHaveLength(1);

    await expect(signUp(t, { email: "someone.else@example.com", password: "long-enough-pw", inviteToken: invite.token })).rejects.toThrow(/invite/i);
    await expect(signUp(t, { email: "new.agent@example.com", password: "short", inviteToken: invite.token })).rejects.toThrow(/10 characters/);
    const result = (await signUp(t, { email: "New.Agent@example.com", password: "long-enough-pw", inviteToken: invite.token, name: "Nia" })) as {
      tokens?: { token: string } | null;
    };
    expect(result.tokens?.token).toBeTruthy();
    const members = await teams.acmeAdmin.client.query(api.members.list, { workspaceId });
    expect(members.find((m) => m.email === "new.agent@example.com")).toMatchObject({ name: "Nia", role: "agent" });
    expect(await t.query(api.invites.preview, { token: invite.token })).toBeNull();
    expect(await teams.acmeAdmin.client.query(api.invites.listPending, { workspaceId })).toEqual([]);
  });

  test("a revoked invite no longer opens; a bad email is refused naming the field", async () => {
    const t = newBackend();
    const teams = await twoTeams(t);
    const workspaceId = teams.acme as string;
    await expect(teams.acmeAdmin.client.action(api.invites.create, { workspaceId, email: "nope", role: "agent" })).rejects.toMatchObject({
      data: { code: "INVALID_ARGUMENT", field: "email" },
    });
    const invite = await teams.acmeAdmin.client.action(api.invites.create, { workspaceId, email: "a@example.com", role: "admin" });
    await teams.acmeAdmin.client.mutation(api.invites.revoke, { workspaceId, inviteId: invite.inviteId });
    expect(await t.query(api.invites.preview, { token: invite.token })).toBeNull();
    await expect(signUp(t, { email: "a@example.com", password: "long-enough-pw", inviteToken: invite.token })).rejects.toThrow(/invite/i);
  });

  test("the last admin cannot step down", async () => {
    const t = newBackend();
    const teams = await twoTeams(t);
    const workspaceId = teams.acme as string;
    await expect(
      teams.acmeAdmin.client.mutation(api.members.setRole, { workspaceId, userId: teams.acmeAdmin.userId, role: "agent" }),
    ).rejects.toMatchObject({ data: { code: "CONFLICT" } });
    await teams.acmeAdmin.client.mutation(api.members.setRole, { workspaceId, userId: teams.acmeAgent.userId, role: "admin" });
    await teams.acmeAdmin.client.mutation(api.members.setRole, { workspaceId, userId: teams.acmeAdmin.userId, role: "agent" });
    expect((await teams.acmeAgent.client.query(api.members.list, { workspaceId })).map((m) => m.role).sort()).toEqual(["admin", "agent"]);
  });
});
