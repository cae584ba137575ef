// Crash safety of the data dir, with the backend as its own process killed by SIGKILL: what
// was acknowledged survives, a torn last record is cut off and reported, a damaged record in
// the middle stops the start and leaves every file as it was, and one data dir serves one
// backend at a time (a dead one's lock is taken over).
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BackendProcess, FIXTURE_FUNCTIONS, httpClient } from "../support/backend-process";

type Note = { id: string; body: string };
const backends: BackendProcess[] = [];
const started = async (backend = new BackendProcess()) => {
  backends.push(backend);
  await backend.start();
  return backend;
};
afterEach(async () => {
  await Promise.all(backends.splice(0).map((b) => b.dispose()));
});

const add = (backend: BackendProcess, body: string, author: string) => httpClient(backend.apiUrl).mutation("notes:add" as never, { body, author } as never) as Promise<string>;
const list = (backend: BackendProcess, author: string) => httpClient(backend.apiUrl).query("notes:list" as never, { author } as never) as Promise<Note[]>;
const walOf = (backend: BackendProcess) => join(backend.dataDir, "db", "wal.jsonl");
const fingerprint = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, createHash("sha256").update(readFileSync(join(dir, name))).digest("hex")]));

describe("durability after SIGKILL", () => {
  it("keeps every acknowledged write", async () => {
    const backend = await started();
    const acknowledged: string[] = [];
    let killed = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !killed; i++) {
        const body = `w${w}-${i}`;
        try {
          await add(backend, body, "acked");
          if (!killed) acknowledged.push(body);
        } catch {
          return; // the backend is gone: this write was never acknowledged
        }
      }
    });
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
    const ackedBeforeKill = [...acknowledged];
    killed = true;
    await backend.kill();
    await Promise.all(writers);
    await backend.start();
    const bodies = new Set((await list(backend, "acked")).map((n) => n.body));
    expect(ackedBeforeKill.filter((body) => !bodies.has(body))).toEqual([]);
  });

  it("cuts a torn last record off the log, says so, and keeps what came before", async () => {
    const backend = await started();
    for (const body of ["one", "two"]) await add(backend, body, "torn");
    await backend.kill();
    appendFileSync(walOf(backend), '1a2b3c4d {"kind":"commit","ts":"99999","writes":[["","00000');
    await backend.start();
    expect(backend.output).toMatch(/cut a torn record off the end of .*wal\.jsonl \(line \d+, \d+ bytes\)/);
    expect((await list(backend, "torn")).map((n) => n.body)).toEqual(["one", "two"]);
  });

  it("refuses to start on a damaged record in the middle, names file and line, and changes no file", async () => {
    const backend = await started();
    for (const body of ["first", "second", "third"]) await add(backend, body, "damaged");
    await backend.kill();
    const lines = readFileSync(walOf(backend), "utf8").split("\n");
    const target = lines.findIndex((line) => line.includes('"second"'));
    expect(target).toBeGreaterThanOrEqual(0);
    lines[target] = lines[target]!.replace('"second"', '"sec0nd"');
    writeFileSync(walOf(backend), lines.join("\n"));
    const before = fingerprint(join(backend.dataDir, "db"));

    const failure = await backend.start().then(() => null, (error: unknown) => String(error));
    expect(failure).toContain("cannot start: The write-ahead log");
    expect(failure).toContain(`${walOf(backend)} is damaged at line ${target + 1}`);
    expect(fingerprint(join(backend.dataDir, "db"))).toEqual(before);
  });
});

describe("one backend per data dir", () => {
  it("refuses a second process on a data dir in use, naming the holder", async () => {
    const first = await started();
    const second = new BackendProcess(FIXTURE_FUNCTIONS, [], {}, first.dataDir);
    const failure = await second.start().then(() => null, (error: unknown) => String(error));
    expect(failure).toContain(`The data dir ${first.dataDir} is in use by another local backend (pid `);
    // The first one is untouched and still serves.
    await expect(add(first, "still mine", "lock")).resolves.toBeTypeOf("string");
  });

  it("takes over the lock a killed backend left behind", async () => {
    const backend = await started();
    await add(backend, "before the kill", "stale");
    await backend.kill();
    expect(existsSync(join(backend.dataDir, "lock"))).toBe(true);
    await backend.start();
    expect(backend.output).toMatch(/took over a stale lock on .* \(pid \d+, started .*, is gone\)/);
    expect((await list(backend, "stale")).map((n) => n.body)).toEqual(["before the kill"]);
  });
});
