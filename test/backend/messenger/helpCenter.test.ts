import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { expectAppError } from "../helpers";
import { messengerSetup, OTHER_KEY, rest } from "./support";

async function helpCenter() {
  const setup = await messengerSetup();
  const { t } = setup;
  const billing = (await rest(t, "POST", "/api/v1/collections", { name: "Billing", order: 1 })).json.data;
  const start = (await rest(t, "POST", "/api/v1/collections", { name: "Getting started", description: "First steps", order: 0 })).json.data;
  const article = async (fields: Record<string, unknown>) =>
    (await rest(t, "POST", "/api/v1/articles", { status: "published", ...fields })).json.data;
  const refunds = await article({ title: "Refunds", body: "We refund within 14 days. Contact billing.", collectionId: billing.id });
  const invoices = await article({ title: "Download invoices", body: "Invoices are PDFs you can download.", collectionId: billing.id, order: 1 });
  const install = await article({ title: "Install the widget", body: "Paste the script. Refunds are not covered here.", collectionId: start.id });
  const draft = await article({ title: "Refund policy v2", body: "Secret draft about refunds.", status: "draft", collectionId: billing.id });
  return { ...setup, billing, start, refunds, invoices, install, draft };
}

describe("help center REST", () => {
  test("creates, reads, updates and deletes collections and articles", async () => {
    const { t, billing, refunds } = await helpCenter();
    expect(billing).toMatchObject({ name: "Billing", description: null, order: 1 });
    expect(refunds).toMatchObject({ title: "Refunds", status: "published", collectionId: billing.id });

    const patched = await rest(t, "PATCH", `/api/v1/articles/${refunds.id}`, { title: "Refunds and returns", collectionId: null });
    expect(patched.status).toBe(200);
    expect(patched.json.data).toMatchObject({ title: "Refunds and returns", collectionId: null });
    expect((await rest(t, "GET", `/api/v1/articles/${refunds.id}`)).json.data.title).toBe("Refunds and returns");

    const collection = await rest(t, "PATCH", `/api/v1/collections/${billing.id}`, { description: "Money matters" });
    expect(collection.json.data.description).toBe("Money matters");
    expect((await rest(t, "PATCH", `/api/v1/collections/${billing.id}`, { description: null })).json.data.description).toBeNull();

    expect((await rest(t, "DELETE", `/api/v1/articles/${refunds.id}`)).json.data).toEqual({ id: refunds.id, deleted: true });
    expect((await rest(t, "GET", `/api/v1/articles/${refunds.id}`)).status).toBe(404);
  });

  test("lists articles by status and collection; deleting a collection keeps its articles", async () => {
    const { t, billing, draft, invoices } = await helpCenter();
    const drafts = (await rest(t, "GET", "/api/v1/articles?status=draft")).json.data;
    expect(drafts.map((a: { id: string }) => a.id)).toEqual([draft.id]);
    const inBilling = (await rest(t, "GET", `/api/v1/articles?collectionId=${billing.id}&status=published`)).json.data;
    expect(inBilling.map((a: { title: string }) => a.title)).toEqual(["Refunds", "Download invoices"]);
    expect((await rest(t, "GET", "/api/v1/collections")).json.data.map((c: { name: string }) => c.name)).toEqual(["Getting started", "Billing"]);

    expect((await rest(t, "DELETE", `/api/v1/collections/${billing.id}`)).status).toBe(200);
    expect((await rest(t, "GET", `/api/v1/articles/${invoices.id}`)).json.data.collectionId).toBeNull();
    expect((await rest(t, "GET", `/api/v1/articles?collectionId=${billing.id}`)).status).toBe(404);
  });

  test("refuses bad bodies naming the field, and another workspace's ids", async () => {
    const { t, refunds, billing } = await helpCenter();
    const missing = await rest(t, "POST", "/api/v1/articles", { body: "no title" });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.json.error.fields)).toEqual(["title"]);
    const badStatus = await rest(t, "PATCH", `/api/v1/articles/${refunds.id}`, { status: "live" });
    expect(Object.keys(badStatus.json.error.fields)).toEqual(["status"]);
    const unknown = await rest(t, "POST", "/api/v1/collections", { name: "X", colour: "red" });
    expect(unknown.status).toBe(400);
    const badCollection = await rest(t, "POST", "/api/v1/articles", { title: "T", collectionId: "nope" });
    expect(badCollection.status).toBe(400);
    expect(badCollection.json.error.fields).toEqual({ collectionId: "No such collection in this workspace." });
    expect((await rest(t, "GET", "/api/v1/articles?limit=0")).status).toBe(400);

    expect((await rest(t, "GET", `/api/v1/articles/${refunds.id}`, undefined, OTHER_KEY)).status).toBe(404);
    expect((await rest(t, "DELETE", `/api/v1/collections/${billing.id}`, undefined, OTHER_KEY)).status).toBe(404);
  });
});

describe("help center for visitors", () => {
  test("lists collections in order with their published articles only", async () => {
    const { t, alice } = await helpCenter();
    const collections = await t.query(api.articles.listCollections, { sessionToken: alice.sessionToken });
    expect(collections.map((c) => [c.name, c.articles.map((a) => a.title)])).toEqual([
      ["Getting started", ["Install the widget"]],
      ["Billing", ["Refunds", "Download invoices"]],
    ]);
    expect(collections[0]?.description).toBe("First steps");
  });

  test("search ranks title matches first, then body matches; drafts and other workspaces never show", async () => {
    const { t, alice, refunds, install } = await helpCenter();
    const hits = await t.query(api.articles.search, { sessionToken: alice.sessionToken, query: "refund" });
    expect(hits.map((hit) => hit.id)).toEqual([refunds.id, install.id]);
    expect(hits[0]?.snippet).toContain("refund");
    const prefix = await t.query(api.articles.search, { sessionToken: alice.sessionToken, query: "downl" });
    expect(prefix.map((hit) => hit.title)).toEqual(["Download invoices"]);
    expect(await t.query(api.articles.search, { sessionToken: alice.sessionToken, query: "  ?! " })).toEqual([]);
    await expectAppError(t.query(api.articles.search, { sessionToken: alice.sessionToken, query: "x".repeat(201) }), "INVALID_ARGUMENT", "query");
  });

  test("reads one published article; drafts and malformed ids are NOT_FOUND", async () => {
    const { t, alice, refunds, draft } = await helpCenter();
    const article = await t.query(api.articles.get, { sessionToken: alice.sessionToken, articleId: refunds.id });
    expect(article).toMatchObject({ id: refunds.id, title: "Refunds", collectionName: "Billing" });
    await expectAppError(t.query(api.articles.get, { sessionToken: alice.sessionToken, articleId: draft.id }), "NOT_FOUND", "articleId");
    await expectAppError(t.query(api.articles.get, { sessionToken: alice.sessionToken, articleId: "nope" }), "NOT_FOUND", "articleId");
  });
});
