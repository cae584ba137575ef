import { describe, expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { createWorkspace } from "../helpers";
import { engagementSetup, insertContent, MODAL_STEP, rest } from "./support";

const tourBody = {
  name: "Onboarding",
  description: "First steps",
  status: "active",
  audience: { all: [{ identified: false }, { url: "https://shop.example.com/*" }] },
  trigger: { type: "scroll_depth", percent: 50 },
  frequency: { type: "every", days: 30 },
  priority: 3,
  steps: [MODAL_STEP, { kind: "pointer", selector: "#cart", placement: "left", title: "Cart", body: "Here", onMissing: "end" }],
};

describe("REST content CRUD", () => {
  test("tooltips: how a tip opens (auto, hover, click) is stored, served and validated", async () => {
    const { t, alice } = await engagementSetup();
    const base = { name: "Export hint", status: "active", selector: "#export", body: "Export as CSV" };
    const hover = await rest(t, "POST", "/api/v1/tooltips", { ...base, showOn: "hover" });
    expect(hover.status).toBe(201);
    const plain = await rest(t, "POST", "/api/v1/tooltips", { ...base, name: "Auto" });
    const served = await t.query(api.tooltips.getActiveForVisitor, { sessionToken: alice.sessionToken, url: "https://shop.example.com/" });
    expect(Object.fromEntries(served.map((tip) => [tip.id, tip.showOn]))).toEqual({ [hover.json.data.id]: "hover", [plain.json.data.id]: "auto" });
    const bad = await rest(t, "POST", "/api/v1/tooltips", { ...base, showOn: "wiggle" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields ?? {})).toContain("showOn");
    const clicked = await rest(t, "PATCH", `/api/v1/tooltips/${hover.json.data.id}`, { showOn: "click" });
    expect(clicked.json.data.showOn).toBe("click");
  });

  test("tours: create, read, list, patch, delete; the widget sees the result", async () => {
    const { t, alice } = await engagementSetup();
    const created = await rest(t, "POST", "/api/v1/tours", tourBody);
    expect(created.status).toBe(201);
    const tour = created.json.data;
    expect(tour).toMatchObject({ ...tourBody, id: expect.any(String), createdAt: expect.any(Number) });
    expect(tour.workspaceId).toBeUndefined();

    expect((await rest(t, "GET", `/api/v1/tours/${tour.id}`)).json.data).toEqual(tour);
    expect((await rest(t, "GET", "/api/v1/tours")).json.data).toEqual([tour]);
    expect((await rest(t, "GET", "/api/v1/tours?status=draft")).json.data).toEqual([]);

    const served = await t.query(api.tours.listAll, { sessionToken: alice.sessionToken, url: "https://shop.example.com/a" });
    expect(served.map((x) => x.id)).toEqual([tour.id]);

    const patched = await rest(t, "PATCH", `/api/v1/tours/${tour.id}`, { status: "archived", audience: null, priority: null });
    expect(patched.status).toBe(200);
    expect(patched.json.data).toMatchObject({ status: "archived", name: "Onboarding" });
    expect(patched.json.data.audience).toBeUndefined();
    expect(patched.json.data.priority).toBeUndefined();
    expect(patched.json.data.updatedAt).toBeGreaterThanOrEqual(tour.updatedAt);
    expect(await t.query(api.tours.listAll, { sessionToken: alice.sessionToken, url: "https://shop.example.com/a" })).toEqual([]);

    expect((await rest(t, "DELETE", `/api/v1/tours/${tour.id}`)).json).toEqual({ data: { id: tour.id, deleted: true } });
    expect((await rest(t, "GET", `/api/v1/tours/${tour.id}`)).status).toBe(404);
    expect((await rest(t, "DELETE", `/api/v1/tours/${tour.id}`)).status).toBe(404);
  });

  test("defaults: draft, page load, once", async () => {
    const { t } = await engagementSetup();
    const created = await rest(t, "POST", "/api/v1/tooltips", { name: "Tip", body: "Psst", selector: "#buy" });
    expect(created.json.data).toMatchObject({
      status: "draft",
      trigger: { type: "page_load" },
      frequency: { type: "once" },
    });
    const checklist = await rest(t, "POST", "/api/v1/checklists", {
      name: "Start",
      tasks: [{ id: "a", title: "A", completion: { type: "manual" } }],
    });
    expect(checklist.status).toBe(201);
    expect(checklist.json.data.trigger).toBeUndefined();
  });

  test("validation errors are 400s naming the field, audience paths included", async () => {
    const { t } = await engagementSetup();
    const fieldsOf = async (path: string, body: unknown, method = "POST") => {
      const response = await rest(t, method, path, body);
      expect(response.status).toBe(400);
      return response.json.error.fields as Record<string, string>;
    };
    expect(Object.keys(await fieldsOf("/api/v1/tours", { ...tourBody, audience: { all: [{ attribute: "email", op: "like", value: 1 }] } }))).toEqual([
      "audience.all.0.op",
    ]);
    expect(Object.keys(await fieldsOf("/api/v1/tours", { ...tourBody, steps: [] }))).toEqual(["steps"]);
    expect(Object.keys(await fieldsOf("/api/v1/tours", { ...tourBody, steps: [{ kind: "pointer", title: "" , body: "x" }] }))).toEqual(["steps.0.title"]);
    expect(Object.keys(await fieldsOf("/api/v1/tours", { ...tourBody, trigger: { type: "scroll_depth", percent: 120 } }))).toEqual(["trigger.percent"]);
    expect(Object.keys(await fieldsOf("/api/v1/tours", { ...tourBody, frequency: { type: "every", days: 0 } }))).toEqual(["frequency.days"]);
    expect(Object.keys(await fieldsOf("/api/v1/tours", { ...tourBody, startsAt: 2000, endsAt: 1000 }))).toEqual(["endsAt"]);
    expect(await fieldsOf("/api/v1/tours", { ...tourBody, colour: "red" })).toEqual({ colour: "Unknown field." });
    expect(Object.keys(await fieldsOf("/api/v1/outbound-messages", { name: "x", type: "popup", body: "b" }))).toEqual(["type"]);
    expect(
      Object.keys(await fieldsOf("/api/v1/outbound-messages", { name: "x", type: "post", body: "b", buttons: [{ label: "Go", action: "url" }] })),
    ).toEqual(["buttons.0.url"]);
    expect(
      Object.keys(
        await fieldsOf("/api/v1/surveys", {
          name: "s",
          format: "small",
          questions: [
            { id: "a", type: "single_choice", title: "A" },
            { id: "a", type: "nps", title: "B", options: ["x", "y"] },
          ],
        }),
      ).sort(),
    ).toEqual(["questions.0.options", "questions.1.id", "questions.1.options"]);
    expect(
      Object.keys(await fieldsOf("/api/v1/checklists", { name: "c", tasks: [{ id: "has space", title: "T", completion: { type: "manual" } }] })),
    ).toEqual(["tasks.0.id"]);
    expect(Object.keys(await fieldsOf("/api/v1/tours?limit=500", undefined, "GET"))).toEqual(["limit"]);
    const json = await rest(t, "POST", "/api/v1/tours", "{not json");
    expect(json.status).toBe(400);
    expect(json.json.error.code).toBe("INVALID_JSON");
  });

  test("patch checks the schedule against stored values and refuses nulls on required fields", async () => {
    const { t } = await engagementSetup();
    const { json } = await rest(t, "POST", "/api/v1/surveys", {
      name: "s",
      format: "small",
      startsAt: 5000,
      questions: [{ id: "q", type: "rating", title: "Rate" }],
    });
    const id = json.data.id;
    const early = await rest(t, "PATCH", `/api/v1/surveys/${id}`, { endsAt: 1000 });
    expect(early.status).toBe(400);
    expect(early.json.error.fields).toEqual({ endsAt: expect.any(String) });
    expect((await rest(t, "PATCH", `/api/v1/surveys/${id}`, { name: null })).status).toBe(400);
    expect((await rest(t, "PATCH", `/api/v1/surveys/${id}`, { startsAt: null, endsAt: 1000 })).status).toBe(200);
  });

  test("401 without a key; 404 for malformed, unknown and foreign ids; 405 for other methods", async () => {
    const { t, workspaceId } = await engagementSetup();
    const id = await insertContent(t, "checklists", workspaceId, { tasks: [{ id: "a", title: "A", completion: { type: "manual" } }] });
    expect((await rest(t, "GET", "/api/v1/checklists", undefined, null)).status).toBe(401);
    expect((await rest(t, "GET", `/api/v1/checklists/${id}`, undefined, "oc_live_wrong")).status).toBe(401);
    expect((await rest(t, "GET", `/api/v1/checklists/${id}`)).status).toBe(200);
    expect((await rest(t, "GET", "/api/v1/checklists/not-an-id")).status).toBe(404);

    const otherId = await createWorkspace(t, { publicId: "other" });
    const otherKey = "oc_live_other-engagement-key-0000000000";
    await t.mutation(internal.apiKeys.createWithKey, { workspaceId: otherId, name: "o", key: otherKey });
    expect((await rest(t, "GET", `/api/v1/checklists/${id}`, undefined, otherKey)).status).toBe(404);
    expect((await rest(t, "PATCH", `/api/v1/checklists/${id}`, { name: "stolen" }, otherKey)).status).toBe(404);
    expect((await rest(t, "DELETE", `/api/v1/checklists/${id}`, undefined, otherKey)).status).toBe(404);
    expect((await rest(t, "GET", "/api/v1/checklists", undefined, otherKey)).json.data).toEqual([]);
    // A tour id is not a checklist id.
    const tourId = await insertContent(t, "tours", workspaceId, { steps: [MODAL_STEP] });
    expect((await rest(t, "GET", `/api/v1/checklists/${tourId}`)).status).toBe(404);
    const put = await rest(t, "PUT", `/api/v1/checklists/${id}`, {});
    expect(put.status).toBe(405);
  });

  test("GET /api/v1/visitors/{id}/progress lists tour and checklist progress", async () => {
    const { t, workspaceId, alice } = await engagementSetup();
    const tourId = await insertContent(t, "tours", workspaceId, { name: "Intro", steps: [MODAL_STEP, MODAL_STEP] });
    const checklistId = await insertContent(t, "checklists", workspaceId, {
      name: "Setup",
      tasks: [
        { id: "a", title: "A", completion: { type: "manual" } },
        { id: "b", title: "B", completion: { type: "manual" } },
      ],
    });
    const { sessionToken } = alice;
    await t.mutation(api.tours.recordProgress, { sessionToken, tourId, stepIndex: 1, status: "in_progress" });
    await t.mutation(api.checklists.completeTask, { sessionToken, checklistId, taskId: "b" });
    const response = await rest(t, "GET", `/api/v1/visitors/${alice.visitorId}/progress`);
    expect(response.status).toBe(200);
    expect(response.json.data).toEqual({
      visitorId: alice.visitorId,
      tours: [{ tourId, name: "Intro", stepIndex: 1, status: "in_progress", shownCount: 1, updatedAt: expect.any(Number) }],
      checklists: [
        { checklistId, name: "Setup", completedTaskIds: ["b"], total: 2, completedAt: null, updatedAt: expect.any(Number) },
      ],
    });
    expect((await rest(t, "GET", "/api/v1/visitors/nope/progress")).status).toBe(404);
  });
});
