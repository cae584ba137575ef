// The inbox's Engagement studio on the server: the REST API's validation with a field map,
// replace-on-save, the last editor, statuses that keep items off the site, duplicates, and
// the links it opens on the website (the selector picker and previews).
import { describe, expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { bootVisitor, createWorkspace, expectAppError, newBackend, type TestBackend } from "../helpers";
import { signedInOperator, useAuthEnvironment } from "../inbox/support";
import { insertContent, KEY, MODAL_STEP, rest } from "./support";

useAuthEnvironment();

const WEBSITE = "https://www.acme.test/start";

async function studio() {
  const t = newBackend();
  const workspaceId = await createWorkspace(t);
  await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "tests", key: KEY });
  await t.run((ctx) => ctx.db.patch("workspaces", workspaceId, { websiteUrl: WEBSITE }));
  const admin = await signedInOperator(t, workspaceId, "admin", "ada@acme.test");
  const alice = await bootVisitor(t, "visitor-alice");
  const ws = { workspaceId: workspaceId as string };
  return { t, workspaceId, admin: admin.client, alice, ws };
}

const tourFields = (overrides: Record<string, unknown> = {}) => ({
  name: "Welcome",
  steps: [MODAL_STEP, { kind: "pointer", selector: "#buy", title: "Buy", body: "Here" }],
  ...overrides,
});

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; field: string; fields: Record<string, string> }> {
  const error = (await promise.then(() => null, (caught: unknown) => caught)) as { data?: unknown } | null;
  expect(error, "expected a refusal").not.toBeNull();
  return error!.data as { code: string; field: string; fields: Record<string, string> };
}

describe("saving in the studio", () => {
  test("refuses what REST refuses, with the same message at the same field path, every field named", async () => {
    const { t, admin, ws } = await studio();
    const bad = { name: "", steps: [MODAL_STEP, { kind: "pointer", title: "", body: "x", selector: "" }], colour: "red", frequency: { type: "every", days: 0 } };
    const failure = await failureOf(admin.mutation(api.engagementStudio.save, { ...ws, type: "tours", fields: bad }));
    const viaRest = await rest(t, "POST", "/api/v1/tours", bad);
    expect(viaRest.status).toBe(400);
    expect(failure.code).toBe("INVALID_ARGUMENT");
    expect(failure.fields).toEqual(viaRest.json.error.fields);
    expect(Object.keys(failure.fields).sort()).toEqual(["colour", "frequency.days", "name", "steps.1.selector", "steps.1.title"]);
    expect(failure.fields[failure.field]).toBeDefined();
    expect(await admin.query(api.engagementStudio.list, { ...ws, type: "tours" })).toEqual([]);
  });

  test("creates a draft named for its editor; an update replaces the fields, clearing what the editor left out", async () => {
    const { admin, ws } = await studio();
    const created = await admin.mutation(api.engagementStudio.save, {
      ...ws,
      type: "tours",
      fields: tourFields({ description: "First steps", audience: { all: [{ identified: true }, { url: "/pricing*" }] } }),
    });
    expect(created).toMatchObject({ status: "draft", updatedBy: "ada", trigger: { type: "page_load" }, frequency: { type: "once" } });
    const { id, createdAt, updatedAt, updatedBy, description, ...rest } = created;
    const updated = await admin.mutation(api.engagementStudio.save, { ...ws, type: "tours", id, fields: { ...rest, name: "Welcome back", id, updatedBy: "someone else" } });
    expect(updated.name).toBe("Welcome back");
    expect(updated.description).toBeUndefined();
    expect(updated.status).toBe("draft");
    expect(updated.updatedBy).toBe("ada");
    expect(await admin.query(api.engagementStudio.get, { ...ws, type: "tours", id })).toEqual(updated);
    expect(await admin.query(api.engagementStudio.list, { ...ws, type: "tours" })).toEqual([
      { id, name: "Welcome back", status: "draft", startsAt: null, endsAt: null, audienceSummary: "Identified users on /pricing*", updatedAt: updated.updatedAt, updatedByName: "ada" },
    ]);
    await expectAppError(admin.mutation(api.engagementStudio.save, { ...ws, type: "tours", id, fields: tourFields({ startsAt: 2000, endsAt: 1000 }) }), "INVALID_ARGUMENT", "endsAt");
    expect(await admin.query(api.engagementStudio.get, { ...ws, type: "tooltips", id })).toBeNull();
  });

  test("REST writes record the API key as the last editor", async () => {
    const { t, admin, ws } = await studio();
    const created = await rest(t, "POST", "/api/v1/tooltips", { name: "Hint", body: "Click here", selector: "#x" });
    expect(created.json.data.updatedBy).toMatch(/^tests /);
    await admin.mutation(api.engagementStudio.setStatus, { ...ws, type: "tooltips", id: created.json.data.id, status: "active" });
    const patched = await rest(t, "PATCH", `/api/v1/tooltips/${created.json.data.id}`, { body: "Click there" });
    expect(patched.json.data).toMatchObject({ status: "active", updatedBy: created.json.data.updatedBy });
    expect((await admin.query(api.engagementStudio.list, { ...ws, type: "tooltips", status: "active" })).map((row) => row.updatedByName)).toEqual([created.json.data.updatedBy]);
  });

  test("duplicates as a draft copy, whatever the original's status", async () => {
    const { t, workspaceId, admin, ws } = await studio();
    const id = await insertContent(t, "surveys", workspaceId, { format: "small", questions: [{ id: "q1", type: "nps", title: "Recommend us?", required: true }] });
    const copy = await admin.mutation(api.engagementStudio.duplicate, { ...ws, type: "surveys", id });
    expect(copy).toMatchObject({ name: "surveys item (copy)", status: "draft", format: "small", updatedBy: "ada" });
    expect(copy.id).not.toBe(id);
    await expectAppError(admin.mutation(api.engagementStudio.duplicate, { ...ws, type: "surveys", id: "nope" }), "NOT_FOUND");
  });
});

const URL = "https://shop.example.com/";

async function served(t: TestBackend, sessionToken: string) {
  const [tours, tooltips, outbound, surveys, checklists] = await Promise.all([
    t.query(api.tours.listAll, { sessionToken, url: URL }),
    t.query(api.tooltips.getActiveForVisitor, { sessionToken, url: URL }),
    t.query(api.outboundMessages.getEligible, { sessionToken, url: URL }),
    t.query(api.surveys.getActiveSurveys, { sessionToken, url: URL }),
    t.query(api.checklists.getAllProgress, { sessionToken, url: URL }),
  ]);
  return { tours: tours.length, tooltips: tooltips.length, outboundMessages: outbound.length, surveys: surveys.length, checklists: checklists.length };
}

test("draft, paused and archived items never reach visitors; activating one does", async () => {
  const { t, workspaceId, admin, alice, ws } = await studio();
  const ids = {
    tours: await insertContent(t, "tours", workspaceId, { steps: [MODAL_STEP] }),
    tooltips: await insertContent(t, "tooltips", workspaceId, { selector: "#x", body: "Tip" }),
    outboundMessages: await insertContent(t, "outboundMessages", workspaceId, { type: "post", body: "News" }),
    surveys: await insertContent(t, "surveys", workspaceId, { format: "small", questions: [{ id: "q1", type: "nps", title: "NPS?", required: true }] }),
    checklists: await insertContent(t, "checklists", workspaceId, { tasks: [{ id: "t1", title: "Do it", completion: { type: "manual" } }] }),
  };
  const every = (count: number) => ({ tours: count, tooltips: count, outboundMessages: count, surveys: count, checklists: count });
  expect(await served(t, alice.sessionToken)).toEqual(every(1));
  for (const status of ["paused", "draft", "archived"] as const) {
    for (const [type, id] of Object.entries(ids)) {
      await admin.mutation(api.engagementStudio.setStatus, { ...ws, type: type as keyof typeof ids, id, status });
    }
    expect(await served(t, alice.sessionToken), status).toEqual(every(0));
  }
  await expectAppError(t.mutation(api.surveys.submitResponse, { sessionToken: alice.sessionToken, surveyId: ids.surveys, answers: { q1: 9 } }), "NOT_FOUND");
  for (const [type, id] of Object.entries(ids)) await admin.mutation(api.engagementStudio.setStatus, { ...ws, type: type as keyof typeof ids, id, status: "active" });
  expect(await served(t, alice.sessionToken)).toEqual(every(1));
  // REST shows and filters the new status too.
  await admin.mutation(api.engagementStudio.setStatus, { ...ws, type: "tours", id: ids.tours, status: "paused" });
  expect((await rest(t, "GET", "/api/v1/tours?status=paused")).json.data.map((tour: { id: string }) => tour.id)).toEqual([ids.tours]);
});

describe("links on the website", () => {
  test("Pick on site mints an authoring token on the website address; the picker's choice lands in the step", async () => {
    const { t, workspaceId, admin, ws } = await studio();
    const tour = await admin.mutation(api.engagementStudio.save, { ...ws, type: "tours", fields: tourFields() });
    const link = await admin.action(api.engagementStudio.pickOnSite, { ...ws, target: { type: "tourStep", tourId: tour.id, stepIndex: 0 } });
    const url = new globalThis.URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe(WEBSITE);
    const token = decodeURIComponent(url.hash.replace("#opencom-authoring=", ""));
    expect(token).toMatch(/^oat_/);
    expect(link.expiresAt).toBeGreaterThan(Date.now());
    const stored = await t.run((ctx) => ctx.db.query("authoringTokens").collect());
    expect(stored.map((row) => row.tokenHash)).not.toContain(token);
    await t.mutation(api.authoring.saveSelector, { authoringToken: token, selector: "#hero h1" });
    const after = await admin.query(api.engagementStudio.get, { ...ws, type: "tours", id: tour.id });
    expect((after?.["steps"] as Array<Record<string, unknown>>)[0]).toMatchObject({ kind: "pointer", selector: "#hero h1" });
    await expectAppError(admin.action(api.engagementStudio.pickOnSite, { ...ws, target: { type: "tourStep", tourId: tour.id, stepIndex: 2 } }), "INVALID_ARGUMENT", "target.stepIndex");
    await t.run((ctx) => ctx.db.patch("workspaces", workspaceId as Id<"workspaces">, { websiteUrl: undefined }));
    await expectAppError(admin.action(api.engagementStudio.pickOnSite, { ...ws, target: { type: "tourStep", tourId: tour.id, stepIndex: 0 } }), "INVALID_ARGUMENT", "websiteUrl");
  });

  test("Preview shows a draft on the website without counting anything", async () => {
    const { t, admin, ws } = await studio();
    const tour = await admin.mutation(api.engagementStudio.save, { ...ws, type: "tours", fields: tourFields({ audience: { identified: true } }) });
    const link = await admin.action(api.engagementStudio.preview, { ...ws, type: "tours", id: tour.id });
    const token = decodeURIComponent(new globalThis.URL(link.url).hash.replace("#opencom-preview=", ""));
    const before = await t.run(async (ctx) => ({ progress: (await ctx.db.query("tourProgress").collect()).length, impressions: (await ctx.db.query("impressions").collect()).length }));
    const shown = await t.query(api.authoring.preview, { previewToken: token });
    expect(shown.kind).toBe("tour");
    expect(shown.item).toMatchObject({ id: tour.id, name: "Welcome", stepIndex: 0, status: "new" });
    const after = await t.run(async (ctx) => ({ progress: (await ctx.db.query("tourProgress").collect()).length, impressions: (await ctx.db.query("impressions").collect()).length }));
    expect(after).toEqual(before);
    await expectAppError(t.query(api.authoring.preview, { previewToken: "oprv_guess" }), "AUTHORING_TOKEN_INVALID");
    await expectAppError(t.query(api.authoring.preview, { previewToken: token.replace("oprv_", "oat_") }), "AUTHORING_TOKEN_INVALID");
    await t.run(async (ctx) => {
      for (const row of await ctx.db.query("previewTokens").collect()) await ctx.db.patch("previewTokens", row._id, { expiresAt: Date.now() - 1 });
    });
    await expectAppError(t.query(api.authoring.preview, { previewToken: token }), "AUTHORING_TOKEN_EXPIRED");
  });
});

test("the website address is validated and cleared with an empty string", async () => {
  const { admin, ws } = await studio();
  await expectAppError(admin.mutation(api.installation.setWebsiteUrl, { ...ws, websiteUrl: "ftp://acme.test/" }), "INVALID_ARGUMENT", "websiteUrl");
  await expectAppError(admin.mutation(api.installation.setWebsiteUrl, { ...ws, websiteUrl: "acme.test" }), "INVALID_ARGUMENT", "websiteUrl");
  await expectAppError(admin.mutation(api.installation.setWebsiteUrl, { ...ws, websiteUrl: "https://acme.test/#x" }), "INVALID_ARGUMENT", "websiteUrl");
  expect(await admin.mutation(api.installation.setWebsiteUrl, { ...ws, websiteUrl: " https://www.acme.test/app " })).toBe("https://www.acme.test/app");
  expect((await admin.query(api.installation.status, ws)).websiteUrl).toBe("https://www.acme.test/app");
  expect(await admin.mutation(api.installation.setWebsiteUrl, { ...ws, websiteUrl: "" })).toBeNull();
  expect((await admin.query(api.installation.status, ws)).websiteUrl).toBeNull();
});
