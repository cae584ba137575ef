// `npm run backend` seeds an empty data dir on first start and writes the seed's result (the
// demo's keys) beside the data. Whoever waits for /health must find that file written.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BackendProcess, FIXTURE_FUNCTIONS } from "../support/backend-process";

describe("first start", () => {
  const backend = new BackendProcess(FIXTURE_FUNCTIONS, ["--seed", "seed:slow", "--seed-output", "seeded.json"]);
  afterAll(() => backend.dispose());

  it("answers /health only once the seed has run and its file is written", async () => {
    await backend.start();
    const file = join(backend.dataDir, "seeded.json");
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ seeded: "yes", convexUrl: backend.apiUrl, siteUrl: backend.siteUrl });
  });

  it("does not seed again on a later start", async () => {
    await backend.stop();
    const before = readFileSync(join(backend.dataDir, "seeded.json"), "utf8");
    await backend.start();
    expect(backend.output).toContain("seeded by seed:slow");
    expect(backend.output.match(/seeded by seed:slow/g)).toHaveLength(1);
    expect(readFileSync(join(backend.dataDir, "seeded.json"), "utf8")).toBe(before);
  });
});
