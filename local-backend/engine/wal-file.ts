// The open write-ahead log with group commit: appends are written at once (in commit order,
// inside the commit), and a caller that must not answer before its commit is on disk waits
// for `durable()`. One fdatasync runs at a time and covers every append made before it
// started, so concurrent commits share one sync instead of queueing one each.
import { closeSync, fdatasync, ftruncateSync, openSync, writeSync } from "node:fs";

/** `commit`: acknowledge a write only once it is on disk. `off`: leave flushing to the OS. */
export type WalSync = "commit" | "off";

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class WalFile {
  private readonly fd: number;
  private appended = 0;
  private synced = 0;
  private syncing = false;
  private waiters: Waiter[] = [];

  constructor(
    path: string,
    private readonly sync: WalSync,
  ) {
    this.fd = openSync(path, "a");
  }

  append(text: string): void {
    const bytes = Buffer.from(text, "utf8");
    for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written);
    this.appended += 1;
  }

  /** Resolves once every record appended so far is on disk. */
  durable(): Promise<void> {
    if (this.sync === "off" || this.synced >= this.appended) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo: this.appended, resolve, reject });
      this.flush();
    });
  }

  /** Empties the log once a snapshot holds (durably) everything in it. */
  reset(): void {
    ftruncateSync(this.fd, 0);
    this.synced = this.appended;
    this.settle(null);
  }

  close(): void {
    closeSync(this.fd);
    this.settle(new Error("the write-ahead log was closed"));
  }

  private flush(): void {
    if (this.syncing || this.waiters.length === 0) return;
    this.syncing = true;
    const upTo = this.appended;
    fdatasync(this.fd, (error) => {
      this.syncing = false;
      if (error === null) this.synced = Math.max(this.synced, upTo);
      this.settle(error);
      this.flush();
    });
  }

  private settle(error: Error | null): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (error !== null && waiter.upTo > this.synced) waiter.reject(new Error(`Could not write the commit to disk: ${error.message}`));
      else if (waiter.upTo <= this.synced) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }
}
