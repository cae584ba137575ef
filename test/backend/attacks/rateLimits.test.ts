import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../../convex/_generated/api";
import { addressKey } from "../../../convex/lib/clientAddress";
import { TEST_ORIGIN, createWorkspace, newBackend, type TestBackend } from "../helpers";

/*
 * Floods from one client address, as the attack run sent them. Each was fully
 * accepted before limits by address existed.
 */

const ATTACKER = "203.0.113.7";
const NEIGHBOUR = "198.51.100.20";

type Caller = ReturnType<TestBackend["withRequestMetadata"]>;

function boot(from: Caller, sessionId: string) {
  return from.action(api.widgetSessions.boot, { workspaceId: "acme", sessionId, origin: TEST_ORIGIN });
}

/** Runs `attempts` calls one after the other; how many were accepted before the first RATE_LIMITED. */
async function acceptedBeforeLimit(attempts: number, call: (index: number) => Promise<unknown>): Promise<number> {
  for (let index = 0; index < attempts; index++) {
    try {
      await call(index);
    } catch (error) {
      expect((error as { data?: { code?: string } }).data?.code).toBe("RATE_LIMITED");
      return index;
    }
  }
  return attempts;
}

describe("limits by client address", () => {
  // The counts are exact only if no bucket refills mid-flood: a loaded machine can take
  // seconds over 100 calls, and these buckets refill one token a second. The clock stands still.
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"] }));
  afterEach(() => vi.useRealTimers());

  test("100 boots with fresh sessionIds from one address: 30 new visitors, then RATE_LIMITED; others unaffected", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const attacker = t.withRequestMetadata({ ip: ATTACKER });
    expect(await acceptedBeforeLimit(100, (i) => boot(attacker, `fresh-${i}`))).toBe(30);
    // Known visitors still resume from there, and other addresses boot new visitors.
    await expect(boot(attacker, "fresh-0")).resolves.toHaveProperty("sessionToken");
    await expect(boot(t.withRequestMetadata({ ip: NEIGHBOUR }), "someone")).resolves.toHaveProperty("sessionToken");
  });

  test("100 messages from 20 fresh visitors at one address: 60 accepted", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const tokens: string[] = [];
    // The visitors boot from different addresses; only their messages share one.
    for (let i = 0; i < 20; i++) tokens.push((await boot(t.withRequestMetadata({ ip: `192.0.2.${i + 1}` }), `visitor-${i}`)).sessionToken);
    const attacker = t.withRequestMetadata({ ip: ATTACKER });
    const accepted = await acceptedBeforeLimit(100, (i) =>
      attacker.mutation(api.messages.send, { sessionToken: tokens[i % 20]!, body: `spam ${i}`, clientMessageId: `spam-${i}` }),
    );
    expect(accepted).toBe(60);
  });

  test("200 events:track calls with 1 KB properties from one visitor: 60 accepted", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const attacker = t.withRequestMetadata({ ip: ATTACKER });
    const { sessionToken } = await boot(attacker, "tracker");
    const properties = { blob: "x".repeat(1000) };
    expect(await acceptedBeforeLimit(200, () => attacker.mutation(api.events.track, { sessionToken, name: "flood", properties }))).toBe(60);
  });

  test("checklists:recordEvent is limited per visitor", async () => {
    const t = newBackend();
    await createWorkspace(t);
    const attacker = t.withRequestMetadata({ ip: ATTACKER });
    const { sessionToken } = await boot(attacker, "checker");
    expect(await acceptedBeforeLimit(100, (i) => attacker.mutation(api.checklists.recordEvent, { sessionToken, name: `e${i}` }))).toBe(30);
  });

  test("300 requests with unknown API keys: 20 × 401, then 429 with Retry-After; a good key elsewhere still works", async () => {
    const t = newBackend();
    const workspaceId = await createWorkspace(t);
    const key = "oc_live_rate-limit-attack-key-000000000000";
    await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "ops", key });
    const attacker = t.withRequestMetadata({ ip: ATTACKER });
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) {
      const response = await attacker.fetch("/api/v1/conversations", { headers: { Authorization: `Bearer oc_live_guess-${i}` } });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
        break;
      }
    }
    expect(statuses.filter((status) => status === 401)).toHaveLength(20);
    expect(statuses.at(-1)).toBe(429);
    const operator = t.withRequestMetadata({ ip: NEIGHBOUR });
    expect((await operator.fetch("/api/v1/conversations", { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
  });
});

describe("addressKey", () => {
  test("IPv4 by address, IPv6 by /64; loopback and unknown callers are not limited by address", () => {
    expect(addressKey("203.0.113.7")).toBe("ip4:203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("ip4:203.0.113.7");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("ip6:2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("ip6:2001:db8:1:2::/64");
    for (const local of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", null, ""]) expect(addressKey(local)).toBeNull();
  });
});
