import { describe, expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { bootVisitor, createWorkspace } from "../helpers";
import { signedInOperator, useAuthEnvironment } from "../inbox/support";
import { call, callChecked, errorOf, restBackend } from "./support";

useAuthEnvironment();

const timed = { status: "active", trigger: { type: "page_load" }, frequency: { type: "once" } } as const;
const QUESTIONS = [
  { id: "nps", type: "nps", title: "Recommend us?", required: true },
  { id: "why", type: "short_text", title: "Why?", required: false },
];

describe("GET /api/v1/{type}/{id}/results and /csat/results", () => {
  test("answer the numbers the inbox shows, in their declared shapes", async () => {
    const { t, workspaceId } = await restBackend();
    const alice = await bootVisitor(t, "visitor-alice");
    const tour = await t.mutation(internal.tours.adminCreate, {
      workspaceId,
      fields: { name: "Welcome", ...timed, steps: [{ kind: "modal", title: "Hi", body: "Hello" }, { kind: "modal", title: "Bye", body: "Done" }] },
    });
    await t.mutation(api.tours.recordProgress, { sessionToken: alice.sessionToken, tourId: tour.id, stepIndex: 0, status: "in_progress" });
    await t.mutation(api.tours.recordProgress, { sessionToken: alice.sessionToken, tourId: tour.id, stepIndex: 1, status: "completed" });
    const survey = await t.mutation(internal.surveys.adminCreate, { workspaceId, fields: { name: "NPS", ...timed, format: "small", questions: QUESTIONS } });
    await t.mutation(api.surveys.submitResponse, { sessionToken: alice.sessionToken, surveyId: survey.id, answers: { nps: 9, why: "Quick" } });
    const tooltip = await t.mutation(internal.tooltips.adminCreate, { workspaceId, fields: { name: "Tip", ...timed, selector: "#x", body: "Tip" } });
    const message = await t.mutation(internal.outboundMessages.adminCreate, { workspaceId, fields: { name: "Chat", ...timed, type: "chat", body: "Hi?" } });
    const checklist = await t.mutation(internal.checklists.adminCreate, {
      workspaceId,
      fields: { name: "Start", status: "active", tasks: [{ id: "a", title: "A", completion: { type: "manual" } }] },
    });

    const tourResults = await callChecked(t, "GET", `/api/v1/tours/${tour.id}/results`);
    expect(tourResults.data).toMatchObject({ type: "tour", funnel: { viewed: 1, started: 1, completed: 1 }, steps: [{ reached: 1 }, { reached: 1 }] });
    const surveyResults = await callChecked(t, "GET", `/api/v1/surveys/${survey.id}/results`);
    expect(surveyResults.data.questions[0].nps).toEqual({ score: 100, promoters: 1, passives: 0, detractors: 0, responses: 1 });
    expect(surveyResults.data.questions[1].texts).toEqual([{ text: "Quick", createdAt: expect.any(Number) }]);
    await callChecked(t, "GET", `/api/v1/tooltips/${tooltip.id}/results`);
    expect((await callChecked(t, "GET", `/api/v1/outbound-messages/${message.id}/results`)).data.buttons).toEqual([{ index: null, label: "Reply", clicks: 0 }]);
    await callChecked(t, "GET", `/api/v1/checklists/${checklist.id}/results`);
    const csat = await callChecked(t, "GET", "/api/v1/csat/results?days=14");
    expect(csat.data).toMatchObject({ days: 14, total: { count: 0, average: null, ratings: [0, 0, 0, 0, 0] } });
    expect(csat.data.daily).toHaveLength(14);

    // The same numbers as the inbox's live query.
    const agent = await signedInOperator(t, workspaceId, "agent");
    expect(await agent.client.query(api.engagementResults.get, { workspaceId, type: "tour", id: tour.id })).toEqual(tourResults.data);
    expect(await agent.client.query(api.engagementResults.get, { workspaceId, type: "survey", id: survey.id })).toEqual(surveyResults.data);
    expect(await agent.client.query(api.engagementResults.csat, { workspaceId, days: 14 })).toEqual(csat.data);
  });

  test("need the API key; another workspace's, another kind's and malformed ids are 404; bad days are 400 naming the field", async () => {
    const { t, workspaceId } = await restBackend();
    const other = await createWorkspace(t, { publicId: "globex" });
    const theirs = await t.mutation(internal.tours.adminCreate, { workspaceId: other, fields: { name: "Theirs", ...timed, steps: [{ kind: "modal", title: "Hi", body: "x" }] } });
    const ours = await t.mutation(internal.tours.adminCreate, { workspaceId, fields: { name: "Ours", ...timed, steps: [{ kind: "modal", title: "Hi", body: "x" }] } });

    expect((await call(t, "GET", `/api/v1/tours/${ours.id}/results`, { key: null })).status).toBe(401);
    for (const path of [`/api/v1/tours/${theirs.id}/results`, `/api/v1/surveys/${ours.id}/results`, "/api/v1/checklists/not-an-id/results"]) {
      const response = await call(t, "GET", path);
      expect(response.status, path).toBe(404);
      expect((await errorOf(response)).code).toBe("NOT_FOUND");
    }
    for (const days of ["0", "91", "2.5", "many"]) {
      const response = await call(t, "GET", `/api/v1/csat/results?days=${days}`);
      expect(response.status, days).toBe(400);
      expect(Object.keys((await errorOf(response)).fields ?? {})).toEqual(["days"]);
    }
  });
});
