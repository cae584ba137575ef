import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import {
  TEST_SECRET,
  bootVisitor,
  createWorkspace,
  expectAppError,
  newBackend,
  visitorRow,
  type TestBackend,
} from "./helpers";
import { signUserJwt, userHashFor } from "./signing";

afterEach(() => {
  vi.useRealTimers();
});

const hashed = (userId: string) => ({ userId, userHash: userHashFor(TEST_SECRET, userId) });

async function visitorCount(t: TestBackend): Promise<number> {
  return (await t.run(async (ctx) => ctx.db.query("visitors").collect())).length;
}

async function say(t: TestBackend, sessionToken: string, body: string) {
  return await t.mutation(api.messages.send, { sessionToken, body, clientMessageId: body.replace(/\s/g, "-") });
}

describe("boot with identity verification", () => {
  test("optional (the default): a valid userHash verifies, none leaves the user unverified", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const verified = await bootVisitor(t, "browser-1", "acme", hashed("user-1"));
    expect(await visitorRow(t, verified.visitorId)).toMatchObject({ userId: "user-1", identified: true, verified: true });
    const unverified = await bootVisitor(t, "browser-2", "acme", { userId: "user-2" });
    expect(await visitorRow(t, unverified.visitorId)).toMatchObject({ identified: true, verified: false });
  });

  test("optional: a forged userHash is refused, never silently downgraded, and writes nothing", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const forged = { userId: "admin", userHash: userHashFor(TEST_SECRET, "someone-else") };
    await expectAppError(bootVisitor(t, "browser-1", "acme", forged), "IDENTITY_VERIFICATION_FAILED", "user.userHash");
    const wrongSecret = { userId: "admin", userHash: userHashFor("guessed-secret", "admin") };
    await expectAppError(bootVisitor(t, "browser-1", "acme", wrongSecret), "IDENTITY_VERIFICATION_FAILED");
    expect(await visitorCount(t)).toBe(0);
  });

  test("required: an unsigned user id is refused, anonymous visitors still boot", async () => {
    const t = newBackend();
    await createWorkspace(t, { identityVerificationMode: "required" });
    await expectAppError(bootVisitor(t, "browser-1", "acme", { userId: "user-1" }), "IDENTITY_VERIFICATION_FAILED");
    const anonymous = await bootVisitor(t, "browser-1");
    expect(await visitorRow(t, anonymous.visitorId)).toMatchObject({ identified: false, verified: false });
    const signed = await bootVisitor(t, "browser-2", "acme", hashed("user-1"));
    expect(await visitorRow(t, signed.visitorId)).toMatchObject({ verified: true });
  });

  test("off: proofs are not checked and nobody is verified", async () => {
    const t = newBackend();
    await createWorkspace(t, { identityVerificationMode: "off" });
    const booted = await bootVisitor(t, "browser-1", "acme", { userId: "user-1", userHash: "whatever" });
    expect(await visitorRow(t, booted.visitorId)).toMatchObject({ userId: "user-1", verified: false });
  });

  test("a userJwt verifies, its signed claims winning over unsigned fields", async () => {
    const t = newBackend();
    await createWorkspace(t, { identityVerificationMode: "required" });
    const userJwt = await signUserJwt(TEST_SECRET, {
      user_id: "user-9",
      email: "real@example.com",
      custom_attributes: { plan: "pro" },
    });
    const booted = await bootVisitor(t, "browser-1", "acme", {
      userJwt,
      email: "fake@example.com",
      name: "Nine",
      customAttributes: { plan: "free" },
    });
    expect(await visitorRow(t, booted.visitorId)).toMatchObject({
      userId: "user-9",
      email: "real@example.com",
      name: "Nine",
      customAttributes: { plan: "pro" },
      verified: true,
    });
  });

  test("a JWT signed with another secret, or without user_id, is refused", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const wrong = await signUserJwt("not-our-secret", { user_id: "user-1" });
    await expectAppError(bootVisitor(t, "b1", "acme", { userJwt: wrong }), "IDENTITY_VERIFICATION_FAILED", "user.userJwt");
    const noUser = await signUserJwt(TEST_SECRET, { email: "a@example.com" });
    await expectAppError(bootVisitor(t, "b1", "acme", { userJwt: noUser }), "IDENTITY_VERIFICATION_FAILED");
  });

  test("JWT exp is honoured with 60 s of tolerance, on the server's clock", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    await createWorkspace(t);
    const userJwt = await signUserJwt(TEST_SECRET, { user_id: "user-1" }, { expiresIn: 300 });
    const start = Date.now();
    vi.setSystemTime(start + 330_000); // 30 s past exp: inside the tolerance
    await expect(bootVisitor(t, "b1", "acme", { userJwt })).resolves.toHaveProperty("sessionToken");
    vi.setSystemTime(start + 362_000); // 62 s past exp
    await expectAppError(bootVisitor(t, "b2", "acme", { userJwt }), "IDENTITY_VERIFICATION_FAILED", "user.userJwt");
  });
});

describe("which visitor a boot lands on", () => {
  test("a verified user resumes their visitor, and conversations, on another browser", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const laptop = await bootVisitor(t, "laptop", "acme", hashed("user-1"));
    const { conversationId } = await say(t, laptop.sessionToken, "hello from the laptop");
    const phone = await bootVisitor(t, "phone", "acme", hashed("user-1"));
    expect(phone.visitorId).toBe(laptop.visitorId);
    const seen = await t.query(api.conversations.listForVisitor, { sessionToken: phone.sessionToken });
    expect(seen.map((c) => c._id)).toEqual([conversationId]);
  });

  test("an unverified claim to the same user id never resumes that user's visitor", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const victim = await bootVisitor(t, "victim-browser", "acme", hashed("user-1"));
    await say(t, victim.sessionToken, "my private question");
    const attacker = await bootVisitor(t, "attacker-browser", "acme", { userId: "user-1" });
    expect(attacker.visitorId).not.toBe(victim.visitorId);
    expect(await t.query(api.conversations.listForVisitor, { sessionToken: attacker.sessionToken })).toEqual([]);
  });

  test("a visitor squatting a user id unverified is not what the real user resumes", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const squatter = await bootVisitor(t, "squatter", "acme", { userId: "user-1" });
    await say(t, squatter.sessionToken, "planted");
    const real = await bootVisitor(t, "real-browser", "acme", hashed("user-1"));
    expect(real.visitorId).not.toBe(squatter.visitorId);
    expect(await t.query(api.conversations.listForVisitor, { sessionToken: real.sessionToken })).toEqual([]);
  });

  test("a browser whose visitor belongs to another user is refused with IDENTITY_CHANGED", async () => {
    const t = newBackend();
    await createWorkspace(t);
    await bootVisitor(t, "shared-pc", "acme", { userId: "alice" });
    await expectAppError(bootVisitor(t, "shared-pc", "acme", { userId: "bob" }), "IDENTITY_CHANGED");
    await expectAppError(bootVisitor(t, "shared-pc", "acme", hashed("bob")), "IDENTITY_CHANGED");
    // Once bob has a verified visitor elsewhere, the shared browser resumes that one instead.
    const bobsOwn = await bootVisitor(t, "bob-laptop", "acme", hashed("bob"));
    const resumed = await bootVisitor(t, "shared-pc", "acme", hashed("bob"));
    expect(resumed.visitorId).toBe(bobsOwn.visitorId);
  });

  test("an anonymous visitor becomes the user it first identifies as, and resumes only with a proof", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const anonymous = await bootVisitor(t, "browser-1");
    const identified = await bootVisitor(t, "browser-1", "acme", hashed("user-1"));
    expect(identified.visitorId).toBe(anonymous.visitorId);
    const proven = await bootVisitor(t, "browser-1", "acme", hashed("user-1"));
    expect(proven.visitorId).toBe(anonymous.visitorId);
    expect(await visitorRow(t, proven.visitorId)).toMatchObject({ userId: "user-1", verified: true });
    // The sessionId alone no longer reaches the verified visitor: a new anonymous one boots.
    const unproven = await bootVisitor(t, "browser-1");
    expect(unproven.visitorId).not.toBe(anonymous.visitorId);
    expect(await visitorRow(t, unproven.visitorId)).toMatchObject({ identified: false, verified: false });
  });
});

describe("widgetSessions:logout", () => {
  test("revokes this session and every other session of the visitor", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const tab1 = await bootVisitor(t, "browser-1", "acme", hashed("user-1"));
    const tab2 = await bootVisitor(t, "browser-1", "acme", hashed("user-1"));
    const phone = await bootVisitor(t, "phone", "acme", hashed("user-1"));
    const stranger = await bootVisitor(t, "browser-2");

    expect(await t.mutation(api.widgetSessions.logout, { sessionToken: tab1.sessionToken })).toEqual({
      revokedSessions: 3,
    });
    for (const { sessionToken } of [tab1, tab2, phone]) {
      await expectAppError(t.query(api.conversations.listForVisitor, { sessionToken }), "UNAUTHENTICATED");
    }
    await expect(
      t.query(api.conversations.listForVisitor, { sessionToken: stranger.sessionToken }),
    ).resolves.toEqual([]);
  });

  test("is idempotent and never fails, even for unknown tokens", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const booted = await bootVisitor(t, "browser-1");
    await t.mutation(api.widgetSessions.logout, { sessionToken: booted.sessionToken });
    expect(await t.mutation(api.widgetSessions.logout, { sessionToken: booted.sessionToken })).toEqual({
      revokedSessions: 0,
    });
    expect(await t.mutation(api.widgetSessions.logout, { sessionToken: "wst_unknown" })).toEqual({ revokedSessions: 0 });
    expect(await t.mutation(api.widgetSessions.logout, { sessionToken: "garbage" })).toEqual({ revokedSessions: 0 });
  });

  test("an expired token still logs the visitor out of its other sessions", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = newBackend();
    await createWorkspace(t, { sessionLifetimeHours: 1 });
    const sleepy = await bootVisitor(t, "browser-1");
    vi.setSystemTime(Date.now() + 2 * 3_600_000);
    const fresh = await bootVisitor(t, "browser-1");
    expect(await t.mutation(api.widgetSessions.logout, { sessionToken: sleepy.sessionToken })).toEqual({
      revokedSessions: 1,
    });
    await expectAppError(
      t.query(api.conversations.listForVisitor, { sessionToken: fresh.sessionToken }),
      "UNAUTHENTICATED",
    );
  });

  test("after logout a fresh sessionId boots a new anonymous visitor that sees nothing of the last user", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const user = await bootVisitor(t, "browser-1", "acme", hashed("user-1"));
    await say(t, user.sessionToken, "account question");
    await t.mutation(api.widgetSessions.logout, { sessionToken: user.sessionToken });
    const next = await bootVisitor(t, "browser-1-after-logout");
    expect(next.visitorId).not.toBe(user.visitorId);
    expect(await visitorRow(t, next.visitorId)).toMatchObject({ identified: false, verified: false });
    expect(await t.query(api.conversations.listForVisitor, { sessionToken: next.sessionToken })).toEqual([]);
  });
});
