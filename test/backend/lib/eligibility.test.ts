import { describe, expect, test } from "vitest";
import type { Doc, Id } from "../../../convex/_generated/dataModel";
import {
  byPriority,
  eventsReferencedBy,
  impressionHistory,
  isTargeted,
  visitorContext,
  type Targeted,
} from "../../../convex/lib/eligibility";

const visitor = {
  _id: "v1" as Id<"visitors">,
  _creationTime: 0,
  workspaceId: "w1" as Id<"workspaces">,
  sessionId: "s",
  userId: "u-1",
  email: "ada@acme.com",
  device: { browser: "Firefox", os: "Linux", deviceType: "desktop" },
  lastPageUrl: "https://acme.com/last",
  lastSeenAt: 0,
  identified: true,
  verified: false,
  customAttributes: { plan: "pro" },
} as Doc<"visitors">;

const now = 1_000_000;
const active: Targeted = { status: "active", createdAt: 1 };

describe("visitorContext", () => {
  test("maps visitor fields to rule attributes; the URL falls back to the last page", () => {
    const context = visitorContext(visitor, { signup: 2 }, undefined);
    expect(context.visitor.attributes).toMatchObject({ userId: "u-1", email: "ada@acme.com", browser: "Firefox", os: "Linux" });
    expect(context.visitor.customAttributes).toEqual({ plan: "pro" });
    expect(context.url).toBe("https://acme.com/last");
    expect(visitorContext(visitor, {}, "https://acme.com/now").url).toBe("https://acme.com/now");
  });
});

describe("isTargeted", () => {
  const context = visitorContext(visitor, {}, "https://acme.com/pricing");
  test("status, schedule, audience and URL trigger all apply", () => {
    expect(isTargeted(active, context, now)).toBe(true);
    expect(isTargeted({ ...active, status: "draft" }, context, now)).toBe(false);
    expect(isTargeted({ ...active, startsAt: now + 1 }, context, now)).toBe(false);
    expect(isTargeted({ ...active, endsAt: now }, context, now)).toBe(false);
    expect(isTargeted({ ...active, audience: { identified: false } }, context, now)).toBe(false);
    expect(isTargeted({ ...active, audience: { customAttribute: "plan", op: "eq", value: "pro" } }, context, now)).toBe(true);
    expect(isTargeted({ ...active, trigger: { type: "url", pattern: "*/pricing" } }, context, now)).toBe(true);
    expect(isTargeted({ ...active, trigger: { type: "url", pattern: "*/blog/*" } }, context, now)).toBe(false);
    expect(isTargeted({ ...active, trigger: { type: "time_on_page", seconds: 9 } }, context, now)).toBe(true);
  });
});

describe("helpers", () => {
  test("eventsReferencedBy collects event names across audiences", () => {
    expect(
      eventsReferencedBy([
        { audience: { event: "a", op: "gt", count: 0 } },
        {},
        { audience: { any: [{ event: "b", op: "eq", count: 1 }, { event: "a", op: "lt", count: 3 }] } },
      ]).sort(),
    ).toEqual(["a", "b"]);
  });

  test("byPriority: higher priority, then older first", () => {
    const items: Targeted[] = [
      { ...active, createdAt: 3 },
      { ...active, createdAt: 2, priority: 1 },
      { ...active, createdAt: 1 },
    ];
    expect([...items].sort(byPriority).map((item) => item.createdAt)).toEqual([2, 1, 3]);
  });

  test("impressionHistory: clicks or a survey response count as completion", () => {
    expect(impressionHistory(null)).toEqual({ shownCount: 0 });
    expect(impressionHistory({ shownCount: 2, lastShownAt: 5, clickedAt: 6 })).toEqual({
      shownCount: 2,
      lastShownAt: 5,
      completedAt: 6,
    });
    expect(impressionHistory({ shownCount: 1, dismissedAt: 7 }, 9)).toEqual({ shownCount: 1, dismissedAt: 7, completedAt: 9 });
  });
});
