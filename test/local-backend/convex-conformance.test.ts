// The conformance suite: one file, any deployment. It checks that a deployment running the
// fixture app (test/local-backend/fixture/convex) behaves as Convex does where code most often
// passes locally and fails in production. By default it starts the local backend on the
// fixture; point it at a real deployment instead with
//   CONFORMANCE_URL=https://<name>.convex.cloud CONFORMANCE_SITE_URL=https://<name>.convex.site
//   CONFORMANCE_ADMIN_KEY=<deploy key>   (optional: the admin checks are skipped without it)
// (docs/local-backend.md says how to deploy the fixture). The results table is printed at the end.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { BackendProcess, client, httpClient } from "../support/backend-process";
import { RawClient } from "./support/raw-client";
import { makeSigner, type TokenSigner } from "./support/tokens";

const remote = process.env.CONFORMANCE_URL;
const results: Array<[string, string]> = [];
const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => "no error",
    (error: Error) => error.message,
  );

describe(`Convex conformance (${remote ?? "local backend"})`, () => {
  let signer: TokenSigner | null = null;
  let backend: BackendProcess | null = null;
  let url = remote ?? "";
  let siteUrl = process.env.CONFORMANCE_SITE_URL ?? "";
  let adminKey = process.env.CONFORMANCE_ADMIN_KEY ?? "";
  const http = () => new ConvexHttpClient(url);
  const check = (name: string, run: () => Promise<void>, skip = false) =>
    it.skipIf(skip)(name, async () => {
      try {
        await run();
        results.push([name, "pass"]);
      } catch (error) {
        results.push([name, "FAIL"]);
        throw error;
      }
    });

  beforeAll(async () => {
    if (remote !== undefined) return;
    signer = await makeSigner();
    backend = new BackendProcess(undefined, [], { FIXTURE_JWKS: signer.jwks });
    await backend.start();
    [url, siteUrl] = [backend.apiUrl, backend.siteUrl];
    const keyFile = join(backend.dataDir, "admin-key");
    adminKey = existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : "";
  });
  afterAll(async () => {
    await backend?.dispose();
    console.log(["| check | result |", "| --- | --- |", ...results.map(([name, result]) => `| ${name} | ${result} |`)].join("\n"));
  });

  check("1. live queries are shared only for the whole same identity", async () => {
    const sign = signer!;
    const subscribe = async (org: string) => {
      const c = client(url);
      const token = await sign.sign({ sub: "user-1", org_id: org });
      c.setAuth(async () => token);
      const value = await new Promise<unknown>((resolve) => {
        const stop = c.onUpdate("whoami:identity" as never, {} as never, (who: unknown) => {
          if (who !== null) {
            stop();
            resolve(who);
          }
        });
      });
      await c.close();
      return value;
    };
    expect(await Promise.all([subscribe("org-A"), subscribe("org-B")])).toEqual([
      { subject: "user-1", org: "org-A" },
      { subject: "user-1", org: "org-B" },
    ]);
  }, remote !== undefined);

  check("2a. a refused Authenticate gets AuthError and the socket closes", async () => {
    const raw = new RawClient(url);
    await raw.opened;
    raw.send({ type: "Connect", sessionId: "conformance", connectionCount: 0, lastCloseReason: null });
    raw.send({ type: "Authenticate", tokenType: "User", value: "not.a.jwt", baseVersion: 0 });
    expect(await raw.next("AuthError")).toMatchObject({ baseVersion: 0 });
    const closedSoon = await Promise.race([raw.closed.then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]);
    expect(closedSoon, "socket closed within 3 s of the AuthError").toBe(true);
  });

  check("2b. the admin key runs internal functions (also via /api/run)", async () => {
    expect(adminKey, "the deployment's admin key").not.toBe("");
    const response = await fetch(`${url}/api/run/notes/internalCount`, { method: "POST", headers: { authorization: `Convex ${adminKey}`, "content-type": "application/json" }, body: JSON.stringify({ args: {} }) });
    expect(await response.json()).toMatchObject({ status: "success" });
  }, adminKey === "" && remote !== undefined);

  check("3a. documents over 1 MiB are refused", async () => {
    expect(await failureOf(http().mutation("notes:insertRaw" as never, { table: "loose", doc: { payload: "x".repeat(1_100_000) } } as never))).toMatch(/Value is too large/);
  });

  check("3b. arrays over 8,192 items are refused", async () => {
    expect(await failureOf(http().query("bounds:echo" as never, { value: Array.from({ length: 8193 }, () => 0) } as never))).toContain("Array length is too long (8193 > maximum length 8192)");
  });

  check("3c. documents nested over 16 levels and reserved field names are refused", async () => {
    const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });
    expect(await failureOf(http().mutation("notes:insertRaw" as never, { table: "loose", doc: { payload: nested(16) } } as never))).toMatch(/too nested/);
    expect(await failureOf(http().mutation("notes:insertRaw" as never, { table: "loose", doc: { payload: 1, _secret: 2 } } as never))).toMatch(/starts with an underscore/);
  });

  check("3d. more than 1,000 scheduled functions from one mutation are refused", async () => {
    expect(await failureOf(http().mutation("bounds:scheduleMany" as never, { count: 1001 } as never))).toContain("Too many functions scheduled by this mutation (limit: 1000)");
  });

  check("3e. a mutation busy for 1.5 s times out and keeps no writes", async () => {
    expect(await failureOf(http().mutation("bounds:spinMutation" as never, { ms: 1500, marker: "conformance-timeout" } as never))).toMatch(/timed out/);
    const notes = (await http().query("notes:list" as never, { author: "spin" } as never)) as Array<{ body: string }>;
    expect(notes.map((n) => n.body)).not.toContain("conformance-timeout");
  });

  check("4. Date.now() stands still in a query; Math.random is seeded", async () => {
    const sample = (await http().query("determinism:inQuery" as never, {} as never)) as { first: number; second: number; randomIsHost: boolean };
    expect(sample.second).toBe(sample.first);
    expect(sample.randomIsHost).toBe(false);
  });

  check("5. functions see CONVEX_SITE_URL and none of the host's environment", async () => {
    const seen = (await http().query("environment:inQuery" as never, {} as never)) as { siteUrl: string | null; cloudUrl: string | null; leaked: string[] };
    expect(seen.siteUrl?.replace(/\/$/, "")).toBe(siteUrl.replace(/\/$/, ""));
    expect(seen.cloudUrl?.replace(/\/$/, "")).toBe(url.replace(/\/$/, ""));
    expect(seen.leaked).toEqual([]);
  });

  check("6a. argument errors read 'Value does not match validator' with path, value, validator", async () => {
    expect(await failureOf(http().mutation("notes:add" as never, { body: 42 } as never))).toContain("ArgumentValidationError: Value does not match validator.\nPath: .body\nValue: 42.0\nValidator: v.string()");
  });

  check("6b. schema violations on write are worded as Convex words them", async () => {
    expect(await failureOf(http().mutation("notes:insertRaw" as never, { table: "notes", doc: { body: 5 } } as never))).toContain('Failed to insert or update a document in table "notes" because it does not match the schema');
  });

  check("6c. a garbage pagination cursor is refused without a JSON error", async () => {
    const message = await failureOf(http().query("items:page" as never, { paginationOpts: { numItems: 2, cursor: "garbage" } } as never));
    expect(message).not.toBe("no error");
    expect(message).not.toMatch(/JSON/);
  });

  check("7. search ranks by relevance and only the last term is a prefix", async () => {
    const channel = `conformance-${Date.now()}`;
    for (const text of ["cats and dogs maybe", "dogs dogs", "helloworld", "hello there world"]) await http().mutation("posts:add" as never, { text, channel } as never);
    const search = (query: string) => http().query("posts:search" as never, { query, channel } as never) as Promise<string[]>;
    expect(await search("dogs")).toEqual(["dogs dogs", "cats and dogs maybe"]);
    expect(await search("hello world")).toEqual(["hello there world"]);
  });

  check("8a. a failed scheduled job says why in state.error", async () => {
    const id = await http().mutation("system:scheduleExplosion" as never, {} as never);
    let state: { kind: string; error?: string } = { kind: "pending" };
    for (let i = 0; i < 100 && state.kind !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = ((await http().query("system:job" as never, { id } as never)) as { state: typeof state }).state;
    }
    expect(state).toEqual({ kind: "failed", error: expect.stringContaining("scheduled boom") });
  });

  check("8b. _storage documents keep the upload's content type", async () => {
    const uploadUrl = (await http().mutation("files:uploadUrl" as never, {} as never)) as string;
    const response = await fetch(uploadUrl, { method: "POST", headers: { "content-type": "image/png" }, body: new Uint8Array([1, 2, 3]) });
    const { storageId } = (await response.json()) as { storageId: string };
    expect(await http().query("system:storedFile" as never, { id: storageId } as never)).toMatchObject({ contentType: "image/png", size: 3 });
  });

  check("8c. ConvexHttpClient paths with .js resolve", async () => {
    expect(await httpClient(url).query("notes.js:count" as never, {} as never)).toBeTypeOf("number");
  });
});
