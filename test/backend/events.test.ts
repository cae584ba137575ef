import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { expectAppError, newBackend, twoVisitors } from "./helpers";

describe("events:track", () => {
  test("stores custom events and page views for the session's visitor", async () => {
    const t = newBackend();
    const { workspaceId, alice } = await twoVisitors(t);
    await t.mutation(api.events.track, {
      sessionToken: alice.sessionToken,
      name: "$pageview",
      url: "https://shop.example.com/cart",
    });
    await t.mutation(api.events.track, {
      sessionToken: alice.sessionToken,
      name: " checkout_started ",
      properties: { value: 42, currency: "EUR", coupon: null },
    });
    const events = await t.run(async (ctx) => ctx.db.query("events").collect());
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      workspaceId,
      visitorId: alice.visitorId,
      name: "$pageview",
      url: "https://shop.example.com/cart",
    });
    expect(events[1]).toMatchObject({
      name: "checkout_started",
      properties: { value: 42, currency: "EUR", coupon: null },
    });
  });

  test("event names must be 1 to 100 characters", async () => {
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    const track = (name: string) => t.mutation(api.events.track, { sessionToken: alice.sessionToken, name });
    await expectAppError(track(""), "INVALID_ARGUMENT", "name");
    await expectAppError(track("e".repeat(101)), "INVALID_ARGUMENT", "name");
    await expect(track("e".repeat(100))).resolves.toBeNull();
  });

  test("refuses too many properties", async () => {
    const t = newBackend();
    const { alice } = await twoVisitors(t);
    const properties = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    await expectAppError(
      t.mutation(api.events.track, { sessionToken: alice.sessionToken, name: "big", properties }),
      "INVALID_ARGUMENT",
      "properties",
    );
  });

  test("refuses a forged token", async () => {
    const t = newBackend();
    await twoVisitors(t);
    await expectAppError(t.mutation(api.events.track, { sessionToken: "wst_nope", name: "x" }), "UNAUTHENTICATED");
  });
});
