import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor } from "../helpers";
import { call, callChecked, restBackend } from "./support";

describe("visitors and CSAT ratings over REST", () => {
  test("lists visitors most recently seen first, a page at a time, and shows one; other ids are 404", async () => {
    const { t } = await restBackend();
    const alice = await bootVisitor(t, "visitor-alice");
    const bob = await bootVisitor(t, "visitor-bob");
    const first = await callChecked(t, "GET", "/api/v1/visitors?limit=1");
    expect(first.data).toHaveLength(1);
    const firstPage = (await (await call(t, "GET", "/api/v1/visitors?limit=1")).json()) as { nextCursor: string };
    const second = await callChecked(t, "GET", `/api/v1/visitors?limit=1&cursor=${encodeURIComponent(firstPage.nextCursor)}`);
    expect([first.data[0].id, second.data[0].id].sort()).toEqual([alice.visitorId, bob.visitorId].sort());

    const one = await callChecked(t, "GET", `/api/v1/visitors/${alice.visitorId}`);
    expect(one.data).toMatchObject({ id: alice.visitorId, identified: false, verified: false, customAttributes: {} });
    expect((await call(t, "GET", "/api/v1/visitors/not-an-id")).status).toBe(404);
  });

  test("lists satisfaction ratings, newest first", async () => {
    const { t } = await restBackend();
    const alice = await bootVisitor(t, "visitor-alice");
    const sent = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "Help?", clientMessageId: "a-1" });
    await call(t, "POST", `/api/v1/conversations/${sent.conversationId}/close`);
    await t.mutation(api.csat.submit, { sessionToken: alice.sessionToken, conversationId: sent.conversationId, rating: 5, comment: "Quick and kind." });
    const ratings = await callChecked(t, "GET", "/api/v1/csat-ratings");
    expect(ratings.data).toEqual([
      expect.objectContaining({ conversationId: sent.conversationId, visitorId: alice.visitorId, rating: 5, comment: "Quick and kind." }),
    ]);
  });
});
