import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { expectAppError } from "../helpers";
import { messengerSetup, OTHER_KEY, rest } from "./support";

const FORM = {
  fields: [
    { id: "category", label: "Category", type: "select", required: true, options: ["Bug", "Billing"] },
    { id: "details", label: "Details", type: "textarea", required: true },
    { id: "contact", label: "Contact email", type: "email" },
  ],
};

async function withForm() {
  const setup = await messengerSetup();
  const put = await rest(setup.t, "PUT", "/api/v1/ticket-form", FORM);
  expect(put.status).toBe(200);
  return setup;
}

describe("ticket form", () => {
  test("defaults to one description field until configured; PUT replaces it", async () => {
    const { t, alice } = await messengerSetup();
    const initial = await t.query(api.tickets.getForm, { sessionToken: alice.sessionToken });
    expect(initial.fields.map((field) => field.id)).toEqual(["description"]);
    await rest(t, "PUT", "/api/v1/ticket-form", FORM);
    const form = await t.query(api.tickets.getForm, { sessionToken: alice.sessionToken });
    expect(form.fields).toEqual([
      { id: "category", label: "Category", type: "select", required: true, options: ["Bug", "Billing"] },
      { id: "details", label: "Details", type: "textarea", required: true },
      { id: "contact", label: "Contact email", type: "email", required: false },
    ]);
  });

  test("refuses a form with bad fields, naming them", async () => {
    const { t } = await messengerSetup();
    const noOptions = await rest(t, "PUT", "/api/v1/ticket-form", { fields: [{ id: "c", label: "C", type: "select" }] });
    expect(noOptions.json.error.fields).toEqual({ "fields.0.options": "A select field needs options." });
    const duplicate = await rest(t, "PUT", "/api/v1/ticket-form", {
      fields: [
        { id: "a", label: "A", type: "text" },
        { id: "a", label: "B", type: "text" },
      ],
    });
    expect(duplicate.json.error.fields).toEqual({ "fields.1.id": 'Duplicate id "a".' });
  });
});

describe("tickets", () => {
  test("a visitor files a ticket with the form; answers are checked and named on error", async () => {
    const { t, alice } = await withForm();
    const token = alice.sessionToken;
    await expectAppError(t.mutation(api.tickets.create, { sessionToken: token, title: " ", fields: {} }), "INVALID_ARGUMENT", "title");
    await expectAppError(
      t.mutation(api.tickets.create, { sessionToken: token, title: "Broken", fields: { details: "x" } }),
      "INVALID_ARGUMENT",
      "fields.category",
    );
    await expectAppError(
      t.mutation(api.tickets.create, { sessionToken: token, title: "Broken", fields: { category: "Other", details: "x" } }),
      "INVALID_ARGUMENT",
      "fields.category",
    );
    await expectAppError(
      t.mutation(api.tickets.create, { sessionToken: token, title: "Broken", fields: { category: "Bug", details: "x", contact: "nope" } }),
      "INVALID_ARGUMENT",
      "fields.contact",
    );
    await expectAppError(
      t.mutation(api.tickets.create, { sessionToken: token, title: "Broken", fields: { category: "Bug", details: "x", extra: "y" } }),
      "INVALID_ARGUMENT",
      "fields.extra",
    );
    const first = await t.mutation(api.tickets.create, {
      sessionToken: token,
      title: "  Export is broken ",
      fields: { category: "Bug", details: " It fails. ", contact: "" },
    });
    expect(first).toMatchObject({ number: 1, title: "Export is broken", state: "submitted" });
    const second = await t.mutation(api.tickets.create, { sessionToken: token, title: "Invoice", fields: { category: "Billing", details: "Wrong VAT" } });
    expect(second.number).toBe(2);

    const detail = await t.query(api.tickets.get, { sessionToken: token, ticketId: first.id });
    expect(detail.fields).toEqual([
      { id: "category", label: "Category", value: "Bug" },
      { id: "details", label: "Details", value: "It fails." },
    ]);
    expect(detail.history).toEqual([{ state: "submitted", at: first.createdAt, note: null }]);
  });

  test("visitors see only their own tickets", async () => {
    const { t, alice, bob } = await withForm();
    const ticket = await t.mutation(api.tickets.create, { sessionToken: alice.sessionToken, title: "Mine", fields: { category: "Bug", details: "d" } });
    expect(await t.query(api.tickets.listForVisitor, { sessionToken: bob.sessionToken })).toEqual([]);
    await expectAppError(t.query(api.tickets.get, { sessionToken: bob.sessionToken, ticketId: ticket.id }), "NOT_FOUND", "ticketId");
  });

  test("an agent's PATCH moves the state, appends history with notes, and shows in the visitor's queries", async () => {
    const { t, alice } = await withForm();
    const ticket = await t.mutation(api.tickets.create, { sessionToken: alice.sessionToken, title: "Help", fields: { category: "Bug", details: "d" } });
    const moved = await rest(t, "PATCH", `/api/v1/tickets/${ticket.id}`, { state: "in_progress", note: "Looking into it" });
    expect(moved.status).toBe(200);
    expect(moved.json.data).toMatchObject({ state: "in_progress", number: 1, fields: { category: "Bug", details: "d" } });
    await rest(t, "PATCH", `/api/v1/tickets/${ticket.id}`, { state: "resolved" });

    const detail = await t.query(api.tickets.get, { sessionToken: alice.sessionToken, ticketId: ticket.id });
    expect(detail.state).toBe("resolved");
    expect(detail.history.map((entry) => [entry.state, entry.note])).toEqual([
      ["submitted", null],
      ["in_progress", "Looking into it"],
      ["resolved", null],
    ]);
    const [summary] = await t.query(api.tickets.listForVisitor, { sessionToken: alice.sessionToken });
    expect(summary?.state).toBe("resolved");

    const list = (await rest(t, "GET", "/api/v1/tickets?state=resolved")).json.data;
    expect(list.map((row: { id: string }) => row.id)).toEqual([ticket.id]);
    expect((await rest(t, "GET", "/api/v1/tickets?state=submitted")).json.data).toEqual([]);
  });

  test("REST refuses bad states, empty patches and other workspaces' tickets", async () => {
    const { t, alice } = await withForm();
    const ticket = await t.mutation(api.tickets.create, { sessionToken: alice.sessionToken, title: "Help", fields: { category: "Bug", details: "d" } });
    const bad = await rest(t, "PATCH", `/api/v1/tickets/${ticket.id}`, { state: "closed" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(["state"]);
    expect((await rest(t, "PATCH", `/api/v1/tickets/${ticket.id}`, {})).status).toBe(400);
    expect((await rest(t, "GET", "/api/v1/tickets?state=closed")).status).toBe(400);
    expect((await rest(t, "GET", `/api/v1/tickets/${ticket.id}`, undefined, OTHER_KEY)).status).toBe(404);
    expect((await rest(t, "PATCH", `/api/v1/tickets/${ticket.id}`, { state: "resolved" }, OTHER_KEY)).status).toBe(404);
  });
});
