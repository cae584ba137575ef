import { describe, expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { newBackend } from "../helpers";
import { TEST_SITE_URL, twoTeams, useAuthEnvironment } from "./support";

useAuthEnvironment();

type Tokens = { token: string; refreshToken: string };

async function signIn(t: ReturnType<typeof newBackend>, email: string, password: string, flow = "signIn", extra = {}) {
  const result = (await t.action(api.auth.signIn, { provider: "password", params: { flow, email, password, ...extra } })) as {
    tokens?: Tokens | null;
  };
  return result.tokens ?? null;
}

function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>;
}

// Scrypt in plain JavaScript costs about half a second per hash here, on purpose.
describe("operator accounts (Convex Auth, Password)", { timeout: 60_000 }, () => {
  test("the seed's operators sign in and get a token for this deployment; passwords are stored hashed", async () => {
    const t = newBackend();
    const demo = await t.action(internal.seed.demo, {});
    expect(demo?.operators.map((o) => o.role)).toEqual(["admin", "agent"]);
    const admin = demo!.operators[0]!;
    const tokens = await signIn(t, admin.email, admin.password);
    expect(tokens).not.toBeNull();
    expect(claims(tokens!.token)).toMatchObject({ iss: TEST_SITE_URL, aud: "convex" });
    const accounts = await t.run((ctx) => ctx.db.query("authAccounts").collect());
    expect(accounts).toHaveLength(2);
    for (const account of accounts) {
      expect(JSON.stringify(account)).not.toContain(admin.password);
      expect(account.secret).toMatch(/^\$scrypt\$|^[0-9a-f]+:[0-9a-f]+$/);
    }
  });

  test("a refresh token buys a new pair, which still belongs to a live session", async () => {
    const t = newBackend();
    const demo = await t.action(internal.seed.demo, {});
    const admin = demo!.operators[0]!;
    const first = await signIn(t, admin.email, admin.password);
    const refreshed = (await t.action(api.auth.signIn, { refreshToken: first!.refreshToken })) as { tokens?: Tokens | null };
    expect(refreshed.tokens?.token).toBeTruthy();
    expect(refreshed.tokens?.refreshToken).not.toBe(first!.refreshToken);
    expect(claims(refreshed.tokens!.token).sub).toBe(claims(first!.token).sub);
    await expect(t.action(api.auth.signIn, { refreshToken: "not-a-refresh-token" })).rejects.toThrow(/refresh token/);
  });

  test("a wrong password is refused, and the 11th failure within an hour locks the account out", async () => {
    const t = newBackend();
    const demo = await t.action(internal.seed.demo, {});
    const agent = demo!.operators[1]!;
    for (let attempt = 0; attempt < 10; attempt++) {
      await expect(signIn(t, agent.email, "not-the-password")).rejects.toThrow(/Invalid credentials|InvalidSecret/);
    }
    // Even the right password is refused while rate limited.
    await expect(signIn(t, agent.email, agent.password)).rejects.toThrow(/TooManyFailedAttempts|rate/i);
  });

  test("nobody signs up without an invite for that email", async () => {
    const t = newBackend();
    await t.action(internal.seed.demo, {});
    await expect(signIn(t, "mallory@example.com", "long-enough-password", "signUp")).rejects.toThrow(/invite/i);
    await expect(
      signIn(t, "mallory@example.com", "long-enough-password", "signUp", { inviteToken: "x".repeat(40) }),
    ).rejects.toThrow(/invite/i);
    expect(await t.run((ctx) => ctx.db.query("users").collect())).toHaveLength(2);
  });

  test("signing out everywhere ends every session of that operator at once, and no one else's", async () => {
    const t = newBackend();
    const teams = await twoTeams(t);
    const laptop = teams.acmeAgent;
    const phoneSession = await t.run((ctx) =>
      ctx.db.insert("authSessions", { userId: laptop.userId, expirationTime: Date.now() + 60_000 }),
    );
    const phone = t.withIdentity({ subject: `${laptop.userId}|${phoneSession}`, issuer: TEST_SITE_URL });
    const workspaceId = teams.acme as string;
    await expect(phone.query(api.members.list, { workspaceId })).resolves.toHaveLength(2);
    await laptop.client.action(api.members.signOutEverywhere, {});
    for (const device of [laptop.client, phone]) {
      await expect(device.query(api.members.list, { workspaceId })).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
      expect(await device.query(api.members.me, {})).toBeNull();
    }
    await expect(teams.acmeAdmin.client.query(api.members.list, { workspaceId })).resolves.toHaveLength(2);
    await expect(t.action(api.members.signOutEverywhere, {})).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
  });
});
