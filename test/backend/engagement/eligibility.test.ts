import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "../../../convex/_generated/api";
import { bootVisitor } from "../helpers";
import { engagementSetup, insertContent, MODAL_STEP } from "./support";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const URL_HOME = "https://shop.example.com/";
const URL_SETTINGS = "https://shop.example.com/settings/billing";

afterEach(() => vi.useRealTimers());

async function withBob() {
  const setup = await engagementSetup();
  const bob = await bootVisitor(setup.t, "visitor-bob", "acme", {
    userId: "u-bob",
    email: "bob@globex.com",
    customAttributes: { plan: "pro", seats: 12 },
  });
  return { ...setup, bob };
}

const tourNames = async (t: Awaited<ReturnType<typeof withBob>>["t"], sessionToken: string, url = URL_HOME) =>
  (await t.query(api.tours.listAll, { sessionToken, url })).map((tour) => tour.name);

describe("server-side eligibility", () => {
  test("audience: identified, attributes, custom attributes; malformed rules match no one", async () => {
    const { t, workspaceId, alice, bob } = await withBob();
    const steps = [MODAL_STEP];
    await insertContent(t, "tours", workspaceId, { name: "everyone", steps });
    await insertContent(t, "tours", workspaceId, { name: "users", steps, audience: { identified: true } });
    await insertContent(t, "tours", workspaceId, { name: "anonymous", steps, audience: { identified: false } });
    await insertContent(t, "tours", workspaceId, {
      name: "pro globex",
      steps,
      audience: {
        all: [
          { customAttribute: "plan", op: "eq", value: "pro" },
          { customAttribute: "seats", op: "gt", value: 10 },
          { attribute: "email", op: "contains", value: "@GLOBEX" },
        ],
      },
    });
    await insertContent(t, "tours", workspaceId, { name: "broken", steps, audience: { not: { bogus: 1 } } });
    expect(await tourNames(t, alice.sessionToken)).toEqual(["everyone", "anonymous"]);
    expect(await tourNames(t, bob.sessionToken)).toEqual(["everyone", "users", "pro globex"]);
  });

  test("audience on event counts follows events:track", async () => {
    const { t, workspaceId, alice } = await withBob();
    await insertContent(t, "outboundMessages", workspaceId, {
      name: "power exporter",
      type: "post",
      body: "You export a lot!",
      audience: { event: "report_exported", op: "gt", count: 1 },
    });
    const eligible = () => t.query(api.outboundMessages.getEligible, { sessionToken: alice.sessionToken, url: URL_HOME });
    expect(await eligible()).toEqual([]);
    await t.mutation(api.events.track, { sessionToken: alice.sessionToken, name: "report_exported" });
    expect(await eligible()).toEqual([]);
    await t.mutation(api.events.track, { sessionToken: alice.sessionToken, name: "report_exported" });
    expect((await eligible()).map((m) => m.name)).toEqual(["power exporter"]);
  });

  test("URL: audience URL rules and URL triggers use the page the widget passes (else the last page seen)", async () => {
    const { t, workspaceId, alice } = await withBob();
    await insertContent(t, "tooltips", workspaceId, {
      name: "settings only (audience)",
      selector: "#a",
      body: "a",
      audience: { url: "https://shop.example.com/settings/*" },
    });
    await insertContent(t, "tooltips", workspaceId, {
      name: "settings only (trigger)",
      selector: "#b",
      body: "b",
      trigger: { type: "url", pattern: "*/settings/*" },
    });
    await insertContent(t, "tooltips", workspaceId, { name: "no selector yet", body: "c" });
    const names = async (url?: string) =>
      (await t.query(api.tooltips.getActiveForVisitor, { sessionToken: alice.sessionToken, ...(url ? { url } : {}) })).map(
        (tip) => tip.name,
      );
    expect(await names(URL_HOME)).toEqual([]);
    expect(await names(URL_SETTINGS)).toEqual(["settings only (audience)", "settings only (trigger)"]);
    expect(await names()).toEqual([]); // no url argument and no page seen at boot
  });

  test("schedule window and status", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const now = Date.now();
    const { t, workspaceId, alice } = await withBob();
    const body = { format: "small", questions: [{ id: "q", type: "rating", title: "Rate", required: true }] };
    await insertContent(t, "surveys", workspaceId, { ...body, name: "running" });
    await insertContent(t, "surveys", workspaceId, { ...body, name: "later", startsAt: now + HOUR });
    await insertContent(t, "surveys", workspaceId, { ...body, name: "for an hour", endsAt: now + HOUR });
    await insertContent(t, "surveys", workspaceId, { ...body, name: "draft", status: "draft" });
    await insertContent(t, "surveys", workspaceId, { ...body, name: "archived", status: "archived" });
    const names = async () =>
      (await t.query(api.surveys.getActiveSurveys, { sessionToken: alice.sessionToken, url: URL_HOME })).map((s) => s.name);
    expect(await names()).toEqual(["running", "for an hour"]);
    vi.setSystemTime(now + HOUR);
    expect(await names()).toEqual(["running", "later"]);
  });

  test("priority orders results, higher first", async () => {
    const { t, workspaceId, alice } = await withBob();
    await insertContent(t, "tours", workspaceId, { name: "low", steps: [MODAL_STEP], priority: -1 });
    await insertContent(t, "tours", workspaceId, { name: "default", steps: [MODAL_STEP] });
    await insertContent(t, "tours", workspaceId, { name: "high", steps: [MODAL_STEP], priority: 5 });
    expect(await tourNames(t, alice.sessionToken)).toEqual(["high", "default", "low"]);
  });

  test("content of another workspace is never served", async () => {
    const { t, alice } = await withBob();
    const { createWorkspace } = await import("../helpers");
    const other = await createWorkspace(t, { publicId: "other" });
    await insertContent(t, "tours", other, { name: "foreign", steps: [MODAL_STEP] });
    expect(await tourNames(t, alice.sessionToken)).toEqual([]);
  });
});

describe("frequency", () => {
  test("once: an outbound post is gone after it was shown", async () => {
    const { t, workspaceId, alice } = await withBob();
    const id = await insertContent(t, "outboundMessages", workspaceId, { type: "post", body: "Hi" });
    const { sessionToken } = alice;
    expect(await t.query(api.outboundMessages.getEligible, { sessionToken, url: URL_HOME })).toHaveLength(1);
    await t.mutation(api.outboundMessages.recordImpression, { sessionToken, messageId: id, action: "shown" });
    expect(await t.query(api.outboundMessages.getEligible, { sessionToken, url: URL_HOME })).toEqual([]);
  });

  test("until completed: a click on the call to action retires it", async () => {
    const { t, workspaceId, alice } = await withBob();
    const id = await insertContent(t, "outboundMessages", workspaceId, {
      type: "chat",
      body: "Need help?",
      frequency: { type: "until_completed" },
    });
    const { sessionToken } = alice;
    await t.mutation(api.outboundMessages.recordImpression, { sessionToken, messageId: id, action: "shown" });
    await t.mutation(api.outboundMessages.recordImpression, { sessionToken, messageId: id, action: "shown" });
    expect(await t.query(api.outboundMessages.getEligible, { sessionToken, url: URL_HOME })).toHaveLength(1);
    await t.mutation(api.outboundMessages.recordImpression, { sessionToken, messageId: id, action: "clicked" });
    expect(await t.query(api.outboundMessages.getEligible, { sessionToken, url: URL_HOME })).toEqual([]);
  });

  test("every N days: back after N days", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const { t, workspaceId, alice } = await withBob();
    const id = await insertContent(t, "tooltips", workspaceId, {
      selector: "#x",
      body: "tip",
      frequency: { type: "every", days: 3 },
    });
    const { sessionToken } = alice;
    await t.mutation(api.tooltips.recordImpression, { sessionToken, tooltipId: id, action: "shown" });
    expect(await t.query(api.tooltips.getActiveForVisitor, { sessionToken, url: URL_HOME })).toEqual([]);
    vi.setSystemTime(start + 3 * DAY - 60_000);
    const later = await bootVisitor(t, "visitor-alice"); // the old session has expired by now
    expect(await t.query(api.tooltips.getActiveForVisitor, { sessionToken: later.sessionToken, url: URL_HOME })).toEqual([]);
    vi.setSystemTime(start + 3 * DAY);
    expect(
      await t.query(api.tooltips.getActiveForVisitor, { sessionToken: later.sessionToken, url: URL_HOME }),
    ).toHaveLength(1);
  });

  test("impressions are per visitor and refuse unknown or foreign ids", async () => {
    const { t, workspaceId, alice, bob } = await withBob();
    const id = await insertContent(t, "outboundMessages", workspaceId, { type: "post", body: "Hi" });
    await t.mutation(api.outboundMessages.recordImpression, { sessionToken: alice.sessionToken, messageId: id, action: "shown" });
    expect(await t.query(api.outboundMessages.getEligible, { sessionToken: bob.sessionToken, url: URL_HOME })).toHaveLength(1);
    await expect(
      t.mutation(api.outboundMessages.recordImpression, { sessionToken: alice.sessionToken, messageId: "nope", action: "shown" }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND", field: "messageId" } });
    await expect(
      t.query(api.outboundMessages.getEligible, { sessionToken: "wst_forged", url: URL_HOME }),
    ).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
  });
});
