import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor } from "../helpers";
import { call, callChecked, errorOf, restBackend } from "./support";

describe("POST /tickets/{id}/replies", () => {
  test("the team's reply reaches the visitor's ticket; bad input and unknown tickets are refused", async () => {
    const { t } = await restBackend();
    const alice = await bootVisitor(t, "visitor-alice");
    await t.mutation(api.tickets.create, { sessionToken: alice.sessionToken, title: "Export is broken", fields: { description: "The CSV is empty." } });
    const [ticket] = (await callChecked(t, "GET", "/api/v1/tickets")).data;

    const created = await callChecked(t, "POST", `/api/v1/tickets/${ticket.id}/replies`, { text: "  Fixed in 2.1, please retry.  ", authorName: "Sam" });
    expect(created.status).toBe(201);
    const seen = (await t.query(api.tickets.get, { sessionToken: alice.sessionToken, ticketId: ticket.id })) as { replies: Array<{ body: string; author: string }> };
    expect(seen.replies).toEqual([expect.objectContaining({ body: "Fixed in 2.1, please retry.", author: "agent" })]);

    const missing = await call(t, "POST", `/api/v1/tickets/${ticket.id}/replies`, { body: { authorName: "Sam" } });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).fields).toEqual({ text: "Required." });
    expect((await call(t, "POST", "/api/v1/tickets/not-a-ticket/replies", { body: { text: "Hi" } })).status).toBe(404);
  });
});
