import { describe, expect, test } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { estimateSampleSize } from "../../../convex/lib/audienceSample";
import { expectAppError, newBackend, type TestBackend } from "../helpers";
import { twoTeams, useAuthEnvironment } from "../inbox/support";

useAuthEnvironment();

const DAY = 86_400_000;

type VisitorSeed = {
  seenDaysAgo?: number;
  identified?: boolean;
  email?: string;
  locale?: string;
  deviceType?: string;
  page?: string;
  plan?: string;
  events?: Record<string, number>;
};

async function seedVisitors(t: TestBackend, workspaceId: Id<"workspaces">, seeds: VisitorSeed[]): Promise<void> {
  await t.run(async (ctx) => {
    for (const [index, seed] of seeds.entries()) {
      const visitorId = await ctx.db.insert("visitors", {
        workspaceId,
        sessionId: `s-${index}`,
        lastSeenAt: Date.now() - (seed.seenDaysAgo ?? 0) * DAY - index,
        identified: seed.identified ?? false,
        verified: false,
        ...(seed.email !== undefined ? { email: seed.email } : {}),
        ...(seed.page !== undefined ? { lastPageUrl: seed.page } : {}),
        ...(seed.plan !== undefined ? { customAttributes: { plan: seed.plan } } : {}),
        device: { browser: "Firefox", os: "Linux", deviceType: seed.deviceType ?? "desktop", ...(seed.locale !== undefined ? { locale: seed.locale } : {}) },
      });
      for (const [name, count] of Object.entries(seed.events ?? {})) {
        await ctx.db.insert("visitorEventCounts", { workspaceId, visitorId, name, count, lastAt: Date.now() });
      }
    }
  });
}

async function setup(seeds: VisitorSeed[]) {
  const t = newBackend();
  const teams = await twoTeams(t);
  await seedVisitors(t, teams.acme, seeds);
  const estimate = (audience?: unknown, client = teams.acmeAdmin.client) =>
    client.query(api.audienceEstimate.estimate, { workspaceId: teams.acme, ...(audience !== undefined ? { audience } : {}) });
  return { t, ...teams, estimate };
}

describe("audienceEstimate:estimate", () => {
  test("counts the recent visitors each rule matches, with the engine's own evaluator", async () => {
    const { estimate } = await setup([
      { identified: true, email: "ann@acme.com", locale: "fr-FR", page: "https://shop.example.com/pricing", plan: "pro", events: { exported: 3 } },
      { identified: true, email: "bob@globex.com", locale: "en-US", deviceType: "mobile", events: { exported: 1 } },
      { locale: "fr-CA", page: "https://shop.example.com/blog/1" },
      { seenDaysAgo: 45, identified: true, locale: "fr-FR" },
    ]);
    expect(await estimate()).toEqual({ matching: 3, total: 3, windowDays: 30, sampleSize: 2000 });
    expect((await estimate({ identified: true })).matching).toBe(2);
    expect((await estimate({ attribute: "locale", op: "contains", value: "fr" })).matching).toBe(2);
    expect((await estimate({ attribute: "deviceType", op: "eq", value: "mobile" })).matching).toBe(1);
    expect((await estimate({ url: "https://shop.example.com/blog/*" })).matching).toBe(1);
    expect((await estimate({ customAttribute: "plan", op: "eq", value: "pro" })).matching).toBe(1);
    expect((await estimate({ event: "exported", op: "gt", count: 2 })).matching).toBe(1);
    expect((await estimate({ event: "exported", op: "eq", count: 0 })).matching).toBe(1);
    const both = { all: [{ identified: true }, { not: { attribute: "email", op: "contains", value: "@acme.com" } }] };
    expect((await estimate(both)).matching).toBe(1);
    expect((await estimate({ any: [{ identified: false }, { event: "exported", op: "eq", count: 1 }] })).matching).toBe(2);
  });

  test("reads fewer visitors when the rule counts more events, to stay under Convex's read limit", () => {
    expect(estimateSampleSize(0)).toBe(2000);
    expect(estimateSampleSize(14)).toBe(2000);
    expect(estimateSampleSize(20)).toBe(1428);
    expect(estimateSampleSize(20) * 21).toBeLessThanOrEqual(32_000);
  });

  test("a malformed rule is refused naming its path", async () => {
    const { estimate } = await setup([]);
    await expectAppError(estimate({ all: [{ identified: true }, { event: "x", op: "gte", count: 1 }] }), "INVALID_ARGUMENT", "audience.all.1.op");
    await expectAppError(estimate({ attribute: "shoeSize", op: "exists" }), "INVALID_ARGUMENT", "audience.attribute");
  });

  test("only a workspace admin may ask", async () => {
    const { estimate, acmeAgent, globexAdmin } = await setup([{}]);
    await expectAppError(estimate({ identified: true }, acmeAgent.client), "FORBIDDEN");
    await expectAppError(estimate({ identified: true }, globexAdmin.client), "FORBIDDEN");
  });
});
