import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor, expectAppError } from "../helpers";
import { engagementSetup, insertContent, MODAL_STEP, POINTER_STEP } from "./support";

const URL = "https://shop.example.com/";

describe("tours:recordProgress", () => {
  test("saves progress for resume; a finished run stops autoStart for `once` tours", async () => {
    const { t, workspaceId, alice } = await engagementSetup();
    const { sessionToken } = alice;
    const tourId = await insertContent(t, "tours", workspaceId, { steps: [MODAL_STEP, POINTER_STEP, POINTER_STEP] });
    await t.mutation(api.tours.recordProgress, { sessionToken, tourId, stepIndex: 0, status: "in_progress" });
    await t.mutation(api.tours.recordProgress, { sessionToken, tourId, stepIndex: 1, status: "in_progress" });
    const [resumed] = await t.query(api.tours.listAll, { sessionToken, url: URL });
    // In progress: resume at step 1 even though a `once` tour was shown already.
    expect(resumed).toMatchObject({ status: "in_progress", stepIndex: 1, autoStart: true });

    await expect(
      t.mutation(api.tours.recordProgress, { sessionToken, tourId, stepIndex: 2, status: "dismissed" }),
    ).resolves.toEqual({ tourId, stepIndex: 2, status: "dismissed" });
    const [dismissed] = await t.query(api.tours.listAll, { sessionToken, url: URL });
    expect(dismissed).toMatchObject({ status: "new", dismissed: true, stepIndex: 0, autoStart: false });

    const row = await t.run(async (ctx) => ctx.db.query("tourProgress").unique());
    expect(row).toMatchObject({ shownCount: 1, status: "dismissed", dismissedAt: expect.any(Number) });
  });

  test("until_completed tours come back after leaving mid-way but not after completion; reruns count as showings", async () => {
    const { t, workspaceId, alice } = await engagementSetup();
    const { sessionToken } = alice;
    const tourId = await insertContent(t, "tours", workspaceId, {
      steps: [MODAL_STEP, MODAL_STEP],
      frequency: { type: "until_completed" },
    });
    await t.mutation(api.tours.recordProgress, { sessionToken, tourId, stepIndex: 1, status: "completed" });
    expect((await t.query(api.tours.listAll, { sessionToken, url: URL }))[0]).toMatchObject({
      status: "completed",
      autoStart: false,
    });
    // Replaying it (OpencomWidget.startTour) starts a new run.
    await t.mutation(api.tours.recordProgress, { sessionToken, tourId, stepIndex: 0, status: "in_progress" });
    const row = await t.run(async (ctx) => ctx.db.query("tourProgress").unique());
    expect(row).toMatchObject({ shownCount: 2, status: "in_progress", stepIndex: 0 });
  });

  test("progress is per visitor", async () => {
    const { t, workspaceId, alice } = await engagementSetup();
    const bob = await bootVisitor(t, "visitor-bob");
    const tourId = await insertContent(t, "tours", workspaceId, { steps: [MODAL_STEP] });
    await t.mutation(api.tours.recordProgress, { sessionToken: alice.sessionToken, tourId, stepIndex: 0, status: "completed" });
    expect((await t.query(api.tours.listAll, { sessionToken: bob.sessionToken, url: URL }))[0]).toMatchObject({
      status: "new",
      autoStart: true,
    });
  });

  test("refuses step indexes outside the tour and tours of other workspaces", async () => {
    const { t, workspaceId, alice } = await engagementSetup();
    const { sessionToken } = alice;
    const tourId = await insertContent(t, "tours", workspaceId, { steps: [MODAL_STEP, MODAL_STEP] });
    const record = (stepIndex: number, id = tourId) =>
      t.mutation(api.tours.recordProgress, { sessionToken, tourId: id, stepIndex, status: "in_progress" });
    await expectAppError(record(2), "INVALID_ARGUMENT", "stepIndex");
    await expectAppError(record(-1), "INVALID_ARGUMENT", "stepIndex");
    await expectAppError(record(0.5), "INVALID_ARGUMENT", "stepIndex");
    await expectAppError(record(0, "not-an-id"), "NOT_FOUND", "tourId");
    const { createWorkspace } = await import("../helpers");
    const other = await createWorkspace(t, { publicId: "other" });
    const foreign = await insertContent(t, "tours", other, { steps: [MODAL_STEP] });
    await expectAppError(record(0, foreign), "NOT_FOUND", "tourId");
  });
});

describe("checklists", () => {
  const tasks = [
    { id: "send", title: "Send", completion: { type: "event", event: "$message_sent" } },
    { id: "billing", title: "Billing", completion: { type: "url", pattern: "*/settings/billing" } },
    { id: "invite", title: "Invite", completion: { type: "manual" } },
  ];

  test("events:track completes event and URL tasks; completeTask ticks manual ones", async () => {
    const { t, workspaceId, alice } = await engagementSetup();
    const { sessionToken } = alice;
    const checklistId = await insertContent(t, "checklists", workspaceId, { tasks });
    await t.mutation(api.events.track, { sessionToken, name: "$message_sent" });
    await t.mutation(api.events.track, { sessionToken, name: "$pageview", url: "https://shop.example.com/home" });
    let [checklist] = await t.query(api.checklists.getAllProgress, { sessionToken });
    expect(checklist).toMatchObject({ completedTaskIds: ["send"], done: 1, total: 3, completed: false, completedAt: null });
    expect(checklist?.tasks.map((task) => task.completed)).toEqual([true, false, false]);

    await t.mutation(api.events.track, { sessionToken, name: "$pageview", url: "https://shop.example.com/settings/billing" });
    const ticked = await t.mutation(api.checklists.completeTask, { sessionToken, checklistId, taskId: "invite" });
    expect(ticked).toMatchObject({ done: 3, completed: true, completedAt: expect.any(Number) });
    [checklist] = await t.query(api.checklists.getAllProgress, { sessionToken });
    expect(checklist?.completedTaskIds).toEqual(["send", "billing", "invite"]);
  });

  test("completeTask refuses automatic tasks, unknown tasks and inactive checklists", async () => {
    const { t, workspaceId, alice } = await engagementSetup();
    const { sessionToken } = alice;
    const checklistId = await insertContent(t, "checklists", workspaceId, { tasks });
    const draftId = await insertContent(t, "checklists", workspaceId, { tasks, status: "draft" });
    await expectAppError(t.mutation(api.checklists.completeTask, { sessionToken, checklistId, taskId: "send" }), "INVALID_ARGUMENT", "taskId");
    await expectAppError(t.mutation(api.checklists.completeTask, { sessionToken, checklistId, taskId: "nope" }), "NOT_FOUND", "taskId");
    await expectAppError(
      t.mutation(api.checklists.completeTask, { sessionToken, checklistId: draftId, taskId: "invite" }),
      "NOT_FOUND",
      "checklistId",
    );
  });

  test("recordEvent applies a name or a URL without tracking it; audience filters the list", async () => {
    const { t, workspaceId, alice } = await engagementSetup();
    const { sessionToken } = alice;
    const checklistId = await insertContent(t, "checklists", workspaceId, { tasks });
    await insertContent(t, "checklists", workspaceId, { tasks, name: "for users", audience: { identified: true } });
    const result = await t.mutation(api.checklists.recordEvent, {
      sessionToken,
      url: "https://shop.example.com/settings/billing",
    });
    // Both checklists progress (audiences gate display, not progress)…
    expect(result.completed).toHaveLength(2);
    expect(result.completed).toContainEqual({ checklistId, taskId: "billing" });
    // …but only the one for everyone is shown to an anonymous visitor.
    const shown = await t.query(api.checklists.getAllProgress, { sessionToken });
    expect(shown.map((c) => [c.name, c.done])).toEqual([["checklists item", 1]]);
    expect(await t.run(async (ctx) => ctx.db.query("events").collect())).toEqual([]);
    await expectAppError(t.mutation(api.checklists.recordEvent, { sessionToken }), "INVALID_ARGUMENT", "name");
  });
});
