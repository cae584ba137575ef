import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import {
  TEST_SECRET,
  bootVisitor,
  createWorkspace,
  expectAppError,
  newBackend,
  twoVisitors,
  visitorRow,
} from "./helpers";
import { signUserJwt, userHashFor } from "./signing";

describe("visitors:identify", () => {
  test("links the session's visitor to a user, unverified without a proof, merging attributes", async () => {
    const t = newBackend();
    const { alice, bob } = await twoVisitors(t);
    const result = await t.mutation(api.visitors.identify, {
      sessionToken: alice.sessionToken,
      user: { userId: "user-7", email: "alice@example.com", customAttributes: { plan: "pro" } },
    });
    expect(result).toEqual({ visitorId: alice.visitorId, identified: true, verified: false });

    await t.mutation(api.visitors.identify, {
      sessionToken: alice.sessionToken,
      user: { name: "Alice", customAttributes: { seats: 3 } },
    });
    const [aliceRow, bobRow] = await t.run(async (ctx) =>
      Promise.all([ctx.db.get("visitors", alice.visitorId), ctx.db.get("visitors", bob.visitorId)]),
    );
    expect(aliceRow).toMatchObject({
      userId: "user-7",
      email: "alice@example.com",
      name: "Alice",
      identified: true,
      verified: false,
      customAttributes: { plan: "pro", seats: 3 },
    });
    expect(bobRow).toMatchObject({ identified: false });
    expect(bobRow?.userId).toBeUndefined();
  });

  test("refuses over-long and blank user fields, naming the field", async () => {
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    await expectAppError(
      t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: { email: "a".repeat(321) } }),
      "INVALID_ARGUMENT",
      "user.email",
    );
    await expectAppError(
      t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: { userId: "  " } }),
      "INVALID_ARGUMENT",
      "user.userId",
    );
  });

  test("refuses a forged token", async () => {
    const t = newBackend();
    await twoVisitors(t);
    await expectAppError(
      t.mutation(api.visitors.identify, { sessionToken: "wst_" + "x".repeat(43), user: { userId: "u" } }),
      "UNAUTHENTICATED",
    );
  });
});

describe("visitors:identify with identity verification", () => {
  const hashed = (userId: string) => ({ userId, userHash: userHashFor(TEST_SECRET, userId) });

  test("a valid userHash or userJwt marks the visitor verified", async () => {
    const t = newBackend();
    const { alice, bob } = await twoVisitors(t);
    const byHash = await t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: hashed("u-alice") });
    expect(byHash).toEqual({ visitorId: alice.visitorId, identified: true, verified: true });
    const userJwt = await signUserJwt(TEST_SECRET, { user_id: "u-bob", name: "Bob" });
    const byJwt = await t.mutation(api.visitors.identify, { sessionToken: bob.sessionToken, user: { userJwt } });
    expect(byJwt).toMatchObject({ verified: true });
    expect(await visitorRow(t, bob.visitorId)).toMatchObject({ userId: "u-bob", name: "Bob", verified: true });
  });

  test("a forged hash or a wrong-secret JWT is refused and changes nothing", async () => {
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    const forged = { userId: "u-alice", userHash: userHashFor(TEST_SECRET, "u-other") };
    await expectAppError(
      t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: forged }),
      "IDENTITY_VERIFICATION_FAILED",
      "user.userHash",
    );
    const userJwt = await signUserJwt("wrong-secret", { user_id: "u-alice" });
    await expectAppError(
      t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: { userJwt } }),
      "IDENTITY_VERIFICATION_FAILED",
      "user.userJwt",
    );
    expect(await visitorRow(t, alice.visitorId)).toMatchObject({ identified: false, verified: false });
  });

  test("required mode refuses an unsigned user id", async () => {
    const t = newBackend();
    await createWorkspace(t, { identityVerificationMode: "required" });
    const { sessionToken } = await bootVisitor(t, "browser-1");
    await expectAppError(
      t.mutation(api.visitors.identify, { sessionToken, user: { userId: "u1" } }),
      "IDENTITY_VERIFICATION_FAILED",
    );
    await expect(t.mutation(api.visitors.identify, { sessionToken, user: hashed("u1") })).resolves.toMatchObject({
      verified: true,
    });
  });

  test("a different user id is refused with IDENTITY_CHANGED instead of re-labelling the visitor", async () => {
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    await t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: hashed("u-alice") });
    await expectAppError(
      t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: hashed("u-mallory") }),
      "IDENTITY_CHANGED",
    );
    await expectAppError(
      t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: { userId: "u-mallory" } }),
      "IDENTITY_CHANGED",
    );
    expect(await visitorRow(t, alice.visitorId)).toMatchObject({ userId: "u-alice", verified: true });
    // The same user again is fine (e.g. updated attributes).
    await expect(
      t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: { ...hashed("u-alice"), name: "Al" } }),
    ).resolves.toMatchObject({ verified: true });
  });

  test("a verified user who already has a visitor elsewhere gets IDENTITY_CHANGED (boot again to resume it)", async () => {
    const t = newBackend();
    const { alice, bob } = await twoVisitors(t);
    await t.mutation(api.visitors.identify, { sessionToken: alice.sessionToken, user: hashed("u-1") });
    await expectAppError(
      t.mutation(api.visitors.identify, { sessionToken: bob.sessionToken, user: hashed("u-1") }),
      "IDENTITY_CHANGED",
    );
    const rebooted = await bootVisitor(t, "visitor-bob-2", "acme", hashed("u-1"));
    expect(rebooted.visitorId).toBe(alice.visitorId);
  });
});
