import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { engagementSetup, insertContent, MODAL_STEP } from "./support";

/*
 * Date windows take effect when the time passes: a live query does not re-run because
 * time passed, so each boundary ahead is a scheduled write to the item, which makes every
 * query that read it run again (model/contentAdmin.ts).
 */

const MINUTE = 60_000;
const URL_HOME = "https://shop.example.com/";

afterEach(() => vi.useRealTimers());

describe("date windows", () => {
  test("each boundary ahead is a scheduled write to the item, and the list follows the clock", async () => {
    vi.useFakeTimers();
    const { t, workspaceId, alice } = await engagementSetup();
    const start = Date.now() + 10 * MINUTE;
    const end = start + 10 * MINUTE;
    const id = await insertContent(t, "tours", workspaceId, { name: "launch", steps: [MODAL_STEP], startsAt: start, endsAt: end });
    const names = async () => (await t.query(api.tours.listAll, { sessionToken: alice.sessionToken, url: URL_HOME })).map((tour) => tour.name);
    const jobs = () => t.run((ctx) => ctx.db.system.query("_scheduled_functions").collect());
    const passedAt = () => t.run(async (ctx) => (await ctx.db.get(id as never) as { windowPassedAt?: number } | null)?.windowPassedAt);

    expect((await jobs()).map((job) => [job.name, job.scheduledTime, job.args[0]])).toEqual([
      ["tours:windowBoundary", start, { id }],
      ["tours:windowBoundary", end, { id }],
    ]);
    expect(await names()).toEqual([]);

    vi.advanceTimersByTime(10 * MINUTE);
    await t.finishInProgressScheduledFunctions();
    expect(await passedAt()).toBe(start);
    expect(await names()).toEqual(["launch"]);

    vi.advanceTimersByTime(10 * MINUTE);
    await t.finishInProgressScheduledFunctions();
    expect(await passedAt()).toBe(end);
    expect(await names()).toEqual([]);
  });

  test("no job for a boundary already past, none without a window; REST never shows the internal stamp", async () => {
    const { t, workspaceId } = await engagementSetup();
    await insertContent(t, "tours", workspaceId, { name: "open", steps: [MODAL_STEP] });
    const id = await insertContent(t, "tooltips", workspaceId, { name: "ended", selector: "#x", body: "b", startsAt: 1, endsAt: 2 });
    expect(await t.run((ctx) => ctx.db.system.query("_scheduled_functions").collect())).toEqual([]);
    await t.mutation(internal.tooltips.windowBoundary, { id });
    const shown = await t.query(internal.tooltips.adminGet, { workspaceId, id });
    expect(shown).not.toBeNull();
    expect(Object.keys(shown!)).not.toContain("windowPassedAt");
  });

  test("an update that moves a boundary schedules it; a deleted item's boundary does nothing", async () => {
    const { t, workspaceId } = await engagementSetup();
    const id = await insertContent(t, "checklists", workspaceId, { name: "onboarding", tasks: [] });
    const later = Date.now() + 60 * MINUTE;
    await t.mutation(internal.checklists.adminUpdate, { workspaceId, id, fields: { startsAt: later } });
    const jobs = await t.run((ctx) => ctx.db.system.query("_scheduled_functions").collect());
    expect(jobs.map((job) => [job.name, job.scheduledTime])).toEqual([["checklists:windowBoundary", later]]);
    await t.mutation(internal.checklists.adminRemove, { workspaceId, id });
    await expect(t.mutation(internal.checklists.windowBoundary, { id })).resolves.toBeNull();
  });
});
