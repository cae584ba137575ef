// Queries and mutations are deterministic on Convex: Date.now() stands still for the whole call
// and Math.random is seeded per call, so code that passes here does not fail there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendProcess, httpClient } from "../support/backend-process";

type Sample = { first: number; second: number; viaNew: number; viaCall: string; isDate: boolean; randomIsHost: boolean; randoms: [number, number] };

describe("determinism of queries and mutations", () => {
  const backend = new BackendProcess();
  beforeAll(() => backend.start());
  afterAll(() => backend.dispose());

  it.each(["query", "mutation"] as const)("freezes the clock and seeds Math.random in a %s", async (kind) => {
    const http = httpClient(backend.apiUrl);
    const name = kind === "query" ? "determinism:inQuery" : "determinism:inMutation";
    const before = Date.now();
    const call = () => (kind === "query" ? http.query(name as never, {} as never) : http.mutation(name as never, {} as never)) as Promise<Sample>;
    const [one, two] = [await call(), await call()];
    expect(one.second).toBe(one.first);
    expect(one.viaNew).toBe(one.first);
    expect(new Date(one.viaCall).getTime()).toBe(Math.floor(one.first / 1000) * 1000);
    expect(one.isDate).toBe(true);
    expect(one.first).toBeGreaterThanOrEqual(before);
    expect(one.first).toBeLessThan(before + 10_000);
    expect(one.randomIsHost).toBe(false);
    for (const value of [...one.randoms, ...two.randoms]) expect(value >= 0 && value < 1).toBe(true);
    expect(one.randoms).not.toEqual(two.randoms);
  });
});
