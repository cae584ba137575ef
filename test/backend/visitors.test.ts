import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { expectAppError, newBackend, twoVisitors } from "./helpers";

describe("visitors:identify", () => {
  test("links the session's visitor to a user, unverified for now, merging attributes", async () => {
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
