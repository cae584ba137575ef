// One process per data dir. Two backends on one OPENCOM_DATA_DIR would each replay the log
// into memory and then overwrite each other's snapshots. The lock is a file naming its holder
// (pid, host, process start); it is made by linking a fully written file into place, so no
// reader ever sees half a lock. A holder that is gone (killed with SIGKILL, or its pid now
// belongs to another process) leaves a stale lock that the next start takes over.
import { hostname } from "node:os";
import { join } from "node:path";
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

export const LOCK_FILE = "lock";

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** The kernel's start time of the process (Linux), to tell a reused pid from its holder. */
  processStart: string | null;
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, owner: LockOwner) {
    super(
      `The data dir ${dataDir} is in use by another local backend (pid ${owner.pid} on ${owner.host}, started ${owner.startedAt}). ` +
        `Stop it, or give this one another OPENCOM_DATA_DIR. If that process is surely gone, delete ${join(dataDir, LOCK_FILE)}.`,
    );
    this.name = "DataDirLockedError";
  }
}

export class DataDirLock {
  private released = false;
  private readonly releaseOnExit = () => this.release();

  private constructor(private readonly path: string) {
    process.once("exit", this.releaseOnExit);
  }

  /** Takes the lock, taking over a stale one; throws DataDirLockedError while a live process holds it. */
  static acquire(dataDir: string, log: (line: string) => void): DataDirLock {
    const path = join(dataDir, LOCK_FILE);
    const self: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date(Date.now() - performance.now()).toISOString(), processStart: processStartOf(process.pid) };
    const draft = `${path}.${process.pid}`;
    writeFileSync(draft, `${JSON.stringify(self)}\n`, { mode: 0o600 });
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        try {
          placeLock(draft, path);
          return new DataDirLock(path);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
        const owner = readOwner(path);
        if (owner !== undefined && isAlive(owner)) throw new DataDirLockedError(dataDir, owner);
        if (takeOverStale(path, owner)) log(`took over a stale lock on ${dataDir} (${owner === undefined ? "unreadable" : `pid ${owner.pid}, started ${owner.startedAt}, is gone`})`);
      }
      throw new Error(`Could not lock the data dir ${dataDir}: another process keeps taking the lock`);
    } finally {
      rmSync(draft, { force: true });
    }
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    process.off("exit", this.releaseOnExit);
    if (readOwner(this.path)?.pid === process.pid) rmSync(this.path, { force: true });
  }
}

/**
 * Moves the stale lock aside (atomically: of two processes taking over at once, one moves
 * it) and checks that what moved is the lock judged stale, not a fresh one just made by a
 * competitor; a fresh one is put back.
 */
function takeOverStale(path: string, stale: LockOwner | undefined): boolean {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  const moved = readOwner(aside);
  const same = moved === undefined || stale === undefined ? moved === stale : moved.pid === stale.pid && moved.startedAt === stale.startedAt;
  if (!same) {
    try {
      linkSync(aside, path);
    } catch {
      // someone locked meanwhile: the next attempt reads the new holder
    }
    rmSync(aside, { force: true });
    return false;
  }
  rmSync(aside, { force: true });
  return true;
}

/** Links the written draft into place; on a file system without hard links, creates the lock exclusively instead. */
function placeLock(draft: string, path: string): void {
  try {
    linkSync(draft, path);
  } catch (error) {
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    writeFileSync(path, readFileSync(draft), { flag: "wx", mode: 0o600 });
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, "utf8")) as Partial<LockOwner>;
    if (typeof owner.pid !== "number" || typeof owner.host !== "string" || typeof owner.startedAt !== "string") return undefined;
    return { pid: owner.pid, host: owner.host, startedAt: owner.startedAt, processStart: owner.processStart ?? null };
  } catch {
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  // A process on another machine (a data dir on a shared disk) cannot be checked: assume it runs.
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const start = processStartOf(owner.pid);
  return owner.processStart === null || start === null || start === owner.processStart;
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces). */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}
