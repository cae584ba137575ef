import { describe, expect, test } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { newBackend } from "../helpers";

const PAGE = "http://127.0.0.1:5173/";

async function demoVisitor() {
  const t = newBackend();
  await t.action(internal.seed.demo, {});
  const visitor = await t.action(api.widgetSessions.boot, {
    workspaceId: "demo",
    sessionId: "demo-visitor-1",
    origin: "http://127.0.0.1:5173",
    url: PAGE,
  });
  return { t, sessionToken: visitor.sessionToken };
}

describe("demo seed: engagement content", () => {
  test("a new demo visitor gets the welcome tour (not the draft) anchored on data-tour selectors", async () => {
    const { t, sessionToken } = await demoVisitor();
    const tours = await t.query(api.tours.listAll, { sessionToken, url: PAGE });
    expect(tours).toHaveLength(1);
    const [tour] = tours;
    expect(tour).toMatchObject({ name: "Welcome tour", status: "new", dismissed: false, stepIndex: 0, autoStart: true });
    expect(tour?.steps.map((step) => step.selector ?? null)).toEqual([
      null,
      '[data-tour="dashboard-chart"]',
      '[data-tour="invite-button"]',
      '[data-tour="settings-link"]',
    ]);
    expect(tour?.steps[0]?.kind).toBe("modal");
    expect(JSON.stringify(tours)).not.toContain("workspaceId");
  });

  test("tooltip, banner, NPS survey and checklist are served", async () => {
    const { t, sessionToken } = await demoVisitor();
    const tooltips = await t.query(api.tooltips.getActiveForVisitor, { sessionToken, url: PAGE });
    expect(tooltips).toEqual([expect.objectContaining({ selector: '[data-tour="export-button"]', placement: "top" })]);

    const outbound = await t.query(api.outboundMessages.getEligible, { sessionToken, url: PAGE });
    expect(outbound).toEqual([expect.objectContaining({ type: "banner", bannerPosition: "top", dismissible: true })]);

    const surveys = await t.query(api.surveys.getActiveSurveys, { sessionToken, url: PAGE });
    expect(surveys).toHaveLength(1);
    expect(surveys[0]?.questions.map((q) => [q.id, q.type, q.required])).toEqual([
      ["nps", "nps", true],
      ["reason", "short_text", false],
    ]);
    expect(surveys[0]?.trigger).toEqual({ type: "time_on_page", seconds: 30 });

    const checklists = await t.query(api.checklists.getAllProgress, { sessionToken, url: PAGE });
    expect(checklists).toHaveLength(1);
    expect(checklists[0]?.tasks.map((task) => task.id)).toEqual([
      "send-message",
      "export-report",
      "open-settings",
      "invite-teammate",
    ]);
    expect(checklists[0]).toMatchObject({ done: 0, total: 4, completed: false });
  });

  test("the demo checklist completes through tracked events, a settings page view and a manual tick", async () => {
    const { t, sessionToken } = await demoVisitor();
    const [checklist] = await t.query(api.checklists.getAllProgress, { sessionToken });
    await t.mutation(api.events.track, { sessionToken, name: "$message_sent" });
    await t.mutation(api.events.track, { sessionToken, name: "report_exported" });
    await t.mutation(api.events.track, { sessionToken, name: "$pageview", url: "http://127.0.0.1:5173/#settings" });
    await t.mutation(api.checklists.completeTask, {
      sessionToken,
      checklistId: checklist!.id,
      taskId: "invite-teammate",
    });
    const [after] = await t.query(api.checklists.getAllProgress, { sessionToken });
    expect(after).toMatchObject({ done: 4, total: 4, completed: true });
    expect(after?.completedAt).toEqual(expect.any(Number));
  });

  test("dismissing the banner and finishing the tour change what the visitor gets next", async () => {
    const { t, sessionToken } = await demoVisitor();
    const [banner] = await t.query(api.outboundMessages.getEligible, { sessionToken, url: PAGE });
    await t.mutation(api.outboundMessages.recordImpression, { sessionToken, messageId: banner!.id, action: "shown" });
    // until_completed: shown is not enough to retire it…
    expect(await t.query(api.outboundMessages.getEligible, { sessionToken, url: PAGE })).toHaveLength(1);
    await t.mutation(api.outboundMessages.recordImpression, { sessionToken, messageId: banner!.id, action: "dismissed" });
    // …a dismissal is.
    expect(await t.query(api.outboundMessages.getEligible, { sessionToken, url: PAGE })).toEqual([]);

    const [tour] = await t.query(api.tours.listAll, { sessionToken, url: PAGE });
    await t.mutation(api.tours.recordProgress, { sessionToken, tourId: tour!.id, stepIndex: 3, status: "completed" });
    const [finished] = await t.query(api.tours.listAll, { sessionToken, url: PAGE });
    expect(finished).toMatchObject({ status: "completed", autoStart: false });
  });
});
