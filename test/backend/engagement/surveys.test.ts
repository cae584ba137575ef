import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor, expectAppError } from "../helpers";
import { engagementSetup, insertContent, rest } from "./support";

afterEach(() => vi.useRealTimers());

const questions = [
  { id: "nps", type: "nps", title: "Recommend us?", required: true },
  { id: "stars", type: "rating", title: "Rate us", required: false },
  { id: "role", type: "single_choice", title: "Role", required: false, options: ["Dev", "PM"] },
  { id: "uses", type: "multiple_choice", title: "Uses", required: false, options: ["Chat", "Tours"] },
  { id: "why", type: "short_text", title: "Why?", required: false },
  { id: "more", type: "long_text", title: "More", required: false },
];

async function surveySetup(fields: Record<string, unknown> = {}) {
  const setup = await engagementSetup();
  const surveyId = await insertContent(setup.t, "surveys", setup.workspaceId, { format: "large", questions, ...fields });
  const submit = (answers: Record<string, unknown>, sessionToken = setup.alice.sessionToken) =>
    setup.t.mutation(api.surveys.submitResponse, { sessionToken, surveyId, answers: answers as never });
  return { ...setup, surveyId, submit };
}

describe("surveys:submitResponse", () => {
  test("stores normalized answers and retires a `once` survey", async () => {
    const { t, alice, submit } = await surveySetup();
    const { sessionToken } = alice;
    expect(await t.query(api.surveys.getActiveSurveys, { sessionToken, url: "https://shop.example.com/" })).toHaveLength(1);
    await expect(
      submit({ nps: 9, stars: 5, role: "PM", uses: ["Chat", "Tours"], why: "  fast  ", more: "" }),
    ).resolves.toEqual({ responseId: expect.any(String) });
    const [stored] = await t.run(async (ctx) => ctx.db.query("surveyResponses").collect());
    expect(stored?.answers).toEqual([
      { questionId: "nps", value: 9 },
      { questionId: "stars", value: 5 },
      { questionId: "role", value: "PM" },
      { questionId: "uses", value: ["Chat", "Tours"] },
      { questionId: "why", value: "fast" },
    ]);
    expect(await t.query(api.surveys.getActiveSurveys, { sessionToken, url: "https://shop.example.com/" })).toEqual([]);
  });

  test("validates each question type and names the field", async () => {
    const { submit } = await surveySetup();
    await expectAppError(submit({}), "INVALID_ARGUMENT", "answers.nps");
    await expectAppError(submit({ nps: 11 }), "INVALID_ARGUMENT", "answers.nps");
    await expectAppError(submit({ nps: 3.5 }), "INVALID_ARGUMENT", "answers.nps");
    await expectAppError(submit({ nps: 5, stars: 0 }), "INVALID_ARGUMENT", "answers.stars");
    await expectAppError(submit({ nps: 5, stars: 6 }), "INVALID_ARGUMENT", "answers.stars");
    await expectAppError(submit({ nps: 5, role: "CEO" }), "INVALID_ARGUMENT", "answers.role");
    await expectAppError(submit({ nps: 5, uses: ["Fax"] }), "INVALID_ARGUMENT", "answers.uses");
    await expectAppError(submit({ nps: 5, why: "x".repeat(501) }), "INVALID_ARGUMENT", "answers.why");
    await expectAppError(submit({ nps: 5, more: "x".repeat(5001) }), "INVALID_ARGUMENT", "answers.more");
    await expectAppError(submit({ nps: 5, bogus: "x" }), "INVALID_ARGUMENT", "answers.bogus");
    await expect(submit({ nps: 5, why: "x".repeat(500), more: "y".repeat(5000) })).resolves.toBeTruthy();
  });

  test("one response per visitor; `every N days` surveys accept another after N days", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const { t, submit } = await surveySetup({ frequency: { type: "every", days: 1 } });
    await submit({ nps: 7 });
    await expectAppError(submit({ nps: 8 }), "CONFLICT", "surveyId");
    vi.setSystemTime(start + 86_400_000);
    const again = await bootVisitor(t, "visitor-alice");
    await expect(submit({ nps: 8 }, again.sessionToken)).resolves.toBeTruthy();
    const bob = await bootVisitor(t, "visitor-bob");
    await expect(submit({ nps: 10 }, bob.sessionToken)).resolves.toBeTruthy();
  });

  test("refuses surveys that are not running, unknown or foreign", async () => {
    const { t, workspaceId, alice } = await surveySetup();
    const draft = await insertContent(t, "surveys", workspaceId, { format: "small", questions, status: "draft" });
    const submitTo = (surveyId: string) =>
      t.mutation(api.surveys.submitResponse, { sessionToken: alice.sessionToken, surveyId, answers: { nps: 1 } });
    await expectAppError(submitTo(draft), "NOT_FOUND", "surveyId");
    await expectAppError(submitTo("nope"), "NOT_FOUND", "surveyId");
  });

  test("a dismissed survey is not offered again; REST lists responses newest first", async () => {
    const { t, alice, surveyId, submit } = await surveySetup({ frequency: { type: "until_completed" } });
    const bob = await bootVisitor(t, "visitor-bob");
    const { sessionToken } = bob;
    await t.mutation(api.surveys.recordImpression, { sessionToken, surveyId, action: "dismissed" });
    expect(await t.query(api.surveys.getActiveSurveys, { sessionToken, url: "https://shop.example.com/" })).toEqual([]);

    await submit({ nps: 3 });
    await submit({ nps: 9 }, (await bootVisitor(t, "visitor-carol")).sessionToken);
    const listed = await rest(t, "GET", `/api/v1/surveys/${surveyId}/responses`);
    expect(listed.status).toBe(200);
    expect(listed.json.data.map((r: { answers: unknown }) => r.answers)).toEqual([
      [{ questionId: "nps", value: 9 }],
      [{ questionId: "nps", value: 3 }],
    ]);
    expect(listed.json.data[1].visitorId).toBe(alice.visitorId);
    expect((await rest(t, "GET", `/api/v1/surveys/${surveyId}/responses?limit=1`)).json.data).toHaveLength(1);
    expect((await rest(t, "GET", `/api/v1/surveys/${surveyId}/responses?limit=0`)).status).toBe(400);
    expect((await rest(t, "GET", "/api/v1/surveys/nope/responses")).status).toBe(404);
  });
});
