// Functions see the deployment's environment variables only, as on Convex: CONVEX_CLOUD_URL and
// CONVEX_SITE_URL, variables kept in the data dir (`env set`), `--env` and `--env-file`, and
// secrets made on first start; never the host's HOME, PATH or OPENCOM_* settings.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendProcess, FIXTURE_FUNCTIONS, httpClient } from "../support/backend-process";

type Seen = {
  cloudUrl: string | null;
  siteUrl: string | null;
  greeting: string | null;
  setLater: string | null;
  fromFile: string | null;
  secret: string | null;
  hasAuthKeys: boolean;
  leaked: string[];
};

describe("deployment environment", () => {
  const envFile = join(mkdtempSync(join(tmpdir(), "opencom-env-")), "local.env");
  writeFileSync(envFile, "# a comment\nFIXTURE_FROM_FILE=\"from the file\"\n");
  const backend = new BackendProcess(FIXTURE_FUNCTIONS, ["--env-file", envFile, "--generate-secret", "FIXTURE_SECRET"], { FIXTURE_GREETING: "hello" });
  // After a restart, fetch may first pick a pooled keep-alive socket of the stopped process.
  const read = (name: string) => {
    const once = () => httpClient(backend.apiUrl).query(name as never, {} as never) as Promise<Seen>;
    return once().catch((error: Error) => (/fetch failed/.test(error.message) ? once() : Promise.reject(error)));
  };
  const readAction = () => httpClient(backend.apiUrl).action("environment:inAction" as never, {} as never) as Promise<Seen>;

  beforeAll(() => backend.start());
  afterAll(() => backend.dispose());

  it("gives queries and actions the deployment's variables and none of the host's", async () => {
    for (const seen of [await read("environment:inQuery"), await readAction()]) {
      expect(seen).toMatchObject({ cloudUrl: backend.apiUrl, siteUrl: backend.siteUrl, greeting: "hello", fromFile: "from the file", hasAuthKeys: true, leaked: [] });
      expect(seen.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it("gives module top levels the deployment's variables too", async () => {
    expect(await read("environment:atModuleLoad")).toEqual({ siteUrl: backend.siteUrl, home: null });
  });

  it("keeps generated secrets across restarts and takes `env set` on a running backend", async () => {
    const before = await read("environment:inQuery");
    const stored = JSON.parse(readFileSync(join(backend.dataDir, "env.json"), "utf8")) as Record<string, string>;
    expect(stored.FIXTURE_SECRET).toBe(before.secret);
    await backend.stop();
    await backend.start();
    expect((await read("environment:inQuery")).secret).toBe(before.secret);
    execFileSync(process.execPath, ["--import", "tsx", "local-backend/main.ts", "env", "set", "FIXTURE_GREETING_2", "x"], { env: { ...process.env, OPENCOM_DATA_DIR: backend.dataDir } });
    const listed = execFileSync(process.execPath, ["--import", "tsx", "local-backend/main.ts", "env", "list"], { env: { ...process.env, OPENCOM_DATA_DIR: backend.dataDir } }).toString();
    expect(listed).toContain("FIXTURE_GREETING_2=x");
    expect((await read("environment:inQuery")).setLater).toBe("x");
  });
});
