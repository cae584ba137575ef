import { describe, expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { bootVisitor, expectAppError, type TestBackend } from "../helpers";
import { signedInOperator, useAuthEnvironment } from "../inbox/support";
import { engagementSetup, insertContent, MODAL_STEP } from "./support";

useAuthEnvironment();

async function setupWithReader() {
  const setup = await engagementSetup();
  const agent = await signedInOperator(setup.t, setup.workspaceId, "agent");
  const results = (type: "tour" | "tooltip" | "outbound" | "survey" | "checklist", id: string) =>
    agent.client.query(api.engagementResults.get, { workspaceId: setup.workspaceId, type, id }) as Promise<any>;
  return { ...setup, agent, results };
}

const SURVEY_QUESTIONS = [
  { id: "nps", type: "nps", title: "How likely are you to recommend us?", required: true },
  { id: "plan", type: "single_choice", title: "Your plan?", required: false, options: ["Free", "Pro"] },
  { id: "why", type: "long_text", title: "Why?", required: false },
];

describe("engagement results: counted as visitors act", () => {
  test("tour view, start and completion make a 1/1/1 funnel; a second visitor and repeated views count once each", async () => {
    const { t, workspaceId, alice, results } = await setupWithReader();
    const tourId = await insertContent(t, "tours", workspaceId, { steps: [MODAL_STEP, MODAL_STEP, MODAL_STEP] });
    const progress = (sessionToken: string, stepIndex: number, status: "in_progress" | "completed" | "dismissed") =>
      t.mutation(api.tours.recordProgress, { sessionToken, tourId, stepIndex, status });

    await progress(alice.sessionToken, 0, "in_progress");
    await progress(alice.sessionToken, 1, "in_progress");
    await progress(alice.sessionToken, 2, "completed");
    expect(await results("tour", tourId)).toMatchObject({
      funnel: { viewed: 1, started: 1, completed: 1 },
      dismissed: 0,
      steps: [{ index: 0, reached: 1 }, { index: 1, reached: 1 }, { index: 2, reached: 1 }],
    });

    // Alice takes it again: still one visitor everywhere.
    await progress(alice.sessionToken, 0, "in_progress");
    await progress(alice.sessionToken, 1, "in_progress");
    await progress(alice.sessionToken, 2, "completed");
    const bob = await bootVisitor(t, "visitor-bob");
    await progress(bob.sessionToken, 0, "in_progress");
    await progress(bob.sessionToken, 0, "in_progress");
    await progress(bob.sessionToken, 0, "dismissed");
    expect(await results("tour", tourId)).toMatchObject({
      funnel: { viewed: 2, started: 1, completed: 1 },
      dismissed: 1,
      steps: [{ reached: 2 }, { reached: 1 }, { reached: 1 }],
    });
  });

  test("survey answers make distributions, an NPS score and the newest free texts", async () => {
    const { t, workspaceId, results } = await setupWithReader();
    const surveyId = await insertContent(t, "surveys", workspaceId, { format: "small", questions: SURVEY_QUESTIONS });
    const answers = [
      { nps: 10, plan: "Pro", why: "Fast" },
      { nps: 9, plan: "Pro" },
      { nps: 7, plan: "Free", why: "Fine" },
      { nps: 3, why: "Slow" },
    ];
    for (const [index, answer] of answers.entries()) {
      const visitor = await bootVisitor(t, `visitor-${index}`);
      await t.mutation(api.surveys.recordImpression, { sessionToken: visitor.sessionToken, surveyId, action: "shown" });
      if (index === 0) await t.mutation(api.surveys.recordImpression, { sessionToken: visitor.sessionToken, surveyId, action: "started" });
      await t.mutation(api.surveys.submitResponse, { sessionToken: visitor.sessionToken, surveyId, answers: answer });
    }
    const survey = await results("survey", surveyId);
    expect(survey).toMatchObject({ shown: 4, started: 4, completed: 4, dismissed: 0 });
    const [nps, plan, why] = survey.questions;
    expect(nps.answered).toBe(4);
    expect(nps.distribution.map((entry: { count: number }) => entry.count)).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1]);
    expect(nps.nps).toEqual({ score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 });
    expect(plan.distribution).toEqual([{ value: "Free", count: 1 }, { value: "Pro", count: 2 }]);
    expect(plan.nps).toBeNull();
    expect(why.texts.map((entry: { text: string }) => entry.text).sort()).toEqual(["Fast", "Fine", "Slow"]);
  });

  test("outbound: shown once per visitor, clicks per button, Reply and the visitor's reply", async () => {
    const { t, workspaceId, alice, results } = await setupWithReader();
    const postId = await insertContent(t, "outboundMessages", workspaceId, {
      type: "post",
      body: "New!",
      buttons: [{ label: "Read", action: "url", url: "https://example.com" }, { label: "Later", action: "dismiss" }],
    });
    const record = (args: { action: "shown" | "dismissed" | "clicked"; buttonIndex?: number }) =>
      t.mutation(api.outboundMessages.recordImpression, { sessionToken: alice.sessionToken, messageId: postId, ...args });
    await record({ action: "shown" });
    await record({ action: "shown" });
    await record({ action: "clicked", buttonIndex: 0 });
    await record({ action: "clicked", buttonIndex: 0 });
    await expectAppError(record({ action: "clicked", buttonIndex: 2 }), "INVALID_ARGUMENT", "buttonIndex");
    await expectAppError(record({ action: "shown", buttonIndex: 0 }), "INVALID_ARGUMENT", "buttonIndex");
    expect(await results("outbound", postId)).toMatchObject({
      shown: 1,
      clicked: 1,
      buttons: [{ index: 0, label: "Read", clicks: 2 }, { index: 1, label: "Later", clicks: 0 }],
    });

    const chatId = await insertContent(t, "outboundMessages", workspaceId, { type: "chat", body: "Need help?" });
    const { conversationId } = await t.mutation(api.outboundMessages.startChat, { sessionToken: alice.sessionToken, messageId: chatId });
    for (const clientMessageId of ["c1", "c2"]) {
      await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, conversationId, body: "Yes", clientMessageId });
    }
    expect(await results("outbound", chatId)).toMatchObject({ clicked: 1, replies: 1, buttons: [{ index: null, label: "Reply", clicks: 1 }] });
  });

  test("tooltips and checklists", async () => {
    const { t, workspaceId, alice, results } = await setupWithReader();
    const tooltipId = await insertContent(t, "tooltips", workspaceId, { selector: "#x", body: "Tip" });
    for (const action of ["shown", "shown", "dismissed"] as const) {
      await t.mutation(api.tooltips.recordImpression, { sessionToken: alice.sessionToken, tooltipId, action });
    }
    expect(await results("tooltip", tooltipId)).toMatchObject({ shown: 1, opened: 2, dismissed: 1 });

    const checklistId = await insertContent(t, "checklists", workspaceId, {
      tasks: [
        { id: "a", title: "A", completion: { type: "manual" } },
        { id: "b", title: "B", completion: { type: "manual" } },
      ],
    });
    await t.mutation(api.checklists.completeTask, { sessionToken: alice.sessionToken, checklistId, taskId: "a" });
    expect(await results("checklist", checklistId)).toMatchObject({ visitors: 1, completed: 0, tasks: [{ completed: 1 }, { completed: 0 }] });
    await t.mutation(api.checklists.completeTask, { sessionToken: alice.sessionToken, checklistId, taskId: "b" });
    await t.mutation(api.checklists.completeTask, { sessionToken: alice.sessionToken, checklistId, taskId: "b" });
    expect(await results("checklist", checklistId)).toMatchObject({ visitors: 1, completed: 1, tasks: [{ completed: 1 }, { completed: 1 }] });
  });

  test("CSAT ratings land in today's bucket", async () => {
    const { t, workspaceId, alice, agent } = await setupWithReader();
    const { conversationId } = await t.mutation(api.messages.send, { sessionToken: alice.sessionToken, body: "Hi", clientMessageId: "c" });
    await t.mutation(internal.conversations.close, { workspaceId, conversationId });
    await t.mutation(api.csat.submit, { sessionToken: alice.sessionToken, conversationId, rating: 4 });
    const csat = await agent.client.query(api.engagementResults.csat, { workspaceId, days: 7 });
    expect(csat.daily).toHaveLength(7);
    expect(csat.daily[6]).toMatchObject({ day: new Date().toISOString().slice(0, 10), count: 1, sum: 4, average: 4, ratings: [0, 0, 0, 1, 0] });
    expect(csat.total).toEqual({ count: 1, average: 4, ratings: [0, 0, 0, 1, 0] });
    await expectAppError(agent.client.query(api.engagementResults.csat, { workspaceId, days: 91 }), "INVALID_ARGUMENT", "days");
    await expectAppError(agent.client.query(api.engagementResults.csat, { workspaceId, days: 1.5 }), "INVALID_ARGUMENT", "days");
  });
});

describe("engagement results: reading and rebuilding", () => {
  test("bad, unknown and other workspaces' ids are refused naming the field; outsiders are forbidden", async () => {
    const { t, workspaceId, results } = await setupWithReader();
    const tourId = await insertContent(t, "tours", workspaceId, { steps: [MODAL_STEP] });
    await expectAppError(results("tour", "not-an-id"), "NOT_FOUND", "id");
    await expectAppError(results("survey", tourId), "NOT_FOUND", "id");
    const outsider = await signedInOperator(t, null, "admin");
    await expectAppError(outsider.client.query(api.engagementResults.get, { workspaceId, type: "tour", id: tourId }), "FORBIDDEN");
  });

  test("rebuild recounts an item from its per-visitor rows, in batches", async () => {
    const { t, workspaceId, results } = await setupWithReader();
    const tourId = await insertContent(t, "tours", workspaceId, { steps: [MODAL_STEP, MODAL_STEP] });
    const surveyId = await insertContent(t, "surveys", workspaceId, { format: "small", questions: SURVEY_QUESTIONS });
    await seedRowsWithoutCounting(t, workspaceId as Id<"workspaces">, tourId as Id<"tours">, surveyId as Id<"surveys">, 450);
    expect((await results("tour", tourId)).funnel.viewed).toBe(0);

    for (const [type, id] of [["tour", tourId], ["survey", surveyId]] as const) {
      await t.mutation(internal.engagementResults.rebuild, { workspaceId: workspaceId as Id<"workspaces">, type, id });
    }
    await t.finishAllScheduledFunctions(() => {});
    // 450 visitors: every third completed, the others stopped at step 0.
    expect(await results("tour", tourId)).toMatchObject({ funnel: { viewed: 450, started: 150, completed: 150 }, steps: [{ reached: 450 }, { reached: 150 }] });
    const survey = await results("survey", surveyId);
    expect(survey).toMatchObject({ shown: 450, completed: 450 });
    expect(survey.questions[0].nps).toMatchObject({ promoters: 225, detractors: 225, score: 0 });
    expect(survey.questions[2].texts).toHaveLength(50);

    // Running it again gives the same numbers (it clears first).
    await t.mutation(internal.engagementResults.rebuild, { workspaceId: workspaceId as Id<"workspaces">, type: "tour", id: tourId });
    await t.finishAllScheduledFunctions(() => {});
    expect((await results("tour", tourId)).funnel).toEqual({ viewed: 450, started: 150, completed: 150 });
  });
});

async function seedRowsWithoutCounting(t: TestBackend, workspaceId: Id<"workspaces">, tourId: Id<"tours">, surveyId: Id<"surveys">, n: number) {
  await t.run(async (ctx) => {
    const now = Date.now();
    for (let index = 0; index < n; index += 1) {
      const visitorId = await ctx.db.insert("visitors", { workspaceId, sessionId: `seeded-${index}`, lastSeenAt: now, identified: false, verified: false });
      const done = index % 3 === 0;
      await ctx.db.insert("tourProgress", {
        workspaceId, visitorId, tourId, stepIndex: done ? 1 : 0, status: done ? "completed" : "dismissed",
        shownCount: 1, lastShownAt: now, updatedAt: now, ...(done ? { completedAt: now } : { dismissedAt: now }),
      });
      await ctx.db.insert("impressions", { workspaceId, visitorId, contentType: "survey", contentId: surveyId, shownCount: 1, lastShownAt: now, updatedAt: now });
      await ctx.db.insert("surveyResponses", {
        workspaceId, surveyId, visitorId, createdAt: now + index,
        answers: [{ questionId: "nps", value: index % 2 === 0 ? 10 : 2 }, { questionId: "why", value: `reason ${index}` }],
      });
    }
  });
}
