// One backend per data dir: a live holder refuses a second, a dead one's lock is taken over.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirLock, DataDirLockedError, LOCK_FILE } from "../../../local-backend/engine/data-dir-lock";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "opencom-lock-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const writeLock = (dir: string, owner: Record<string, unknown>) => writeFileSync(join(dir, LOCK_FILE), JSON.stringify(owner));
const ignore = () => undefined;

describe("data dir lock", () => {
  it("names its holder and refuses a second taker while it lives", () => {
    const dir = tempDir();
    const lock = DataDirLock.acquire(dir, ignore);
    const owner = JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")) as { pid: number; host: string; startedAt: string };
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => DataDirLock.acquire(dir, ignore)).toThrow(DataDirLockedError);
    expect(() => DataDirLock.acquire(dir, ignore)).toThrow(`in use by another local backend (pid ${process.pid}`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    DataDirLock.acquire(dir, ignore).release();
  });

  it("refuses while another live process holds it", () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.ppid, host: hostname(), startedAt: "2026-01-01T00:00:00.000Z", processStart: null });
    expect(() => DataDirLock.acquire(dir, ignore)).toThrow(`pid ${process.ppid}`);
  });

  it("takes over the lock of a process that is gone, and says so", () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    writeLock(dir, { pid: Number(gone.stdout), host: hostname(), startedAt: "2026-01-01T00:00:00.000Z", processStart: "1" });
    const lines: string[] = [];
    const lock = DataDirLock.acquire(dir, (line) => lines.push(line));
    expect(lines).toEqual([expect.stringContaining(`took over a stale lock on ${dir} (pid ${gone.stdout}`)]);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it.skipIf(!existsSync("/proc/self/stat"))("takes over a lock whose pid now belongs to another process", () => {
    const dir = tempDir();
    // The parent is alive, but its kernel start time is not the one recorded: the pid was reused.
    writeLock(dir, { pid: process.ppid, host: hostname(), startedAt: "2026-01-01T00:00:00.000Z", processStart: "1" });
    const lock = DataDirLock.acquire(dir, ignore);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
  });
});
