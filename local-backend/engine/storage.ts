// File storage on disk for the local backend. convex-test keeps blobs in memory and hands out
// fake URLs; we keep a copy of every blob under the data dir, serve it from our own URL, and
// issue single-use upload tokens.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const UPLOAD_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

export class FileStore {
  private readonly uploadTokens = new Map<string, number>();

  constructor(
    private readonly dir: string,
    private readonly publicUrl: string,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  uploadUrl(): string {
    const token = randomBytes(24).toString("base64url");
    this.uploadTokens.set(token, Date.now() + UPLOAD_TOKEN_LIFETIME_MS);
    return `${this.publicUrl}/api/storage/upload?token=${token}`;
  }

  /** True once for a live token: upload URLs are single-use, as on Convex. */
  consumeUploadToken(token: string | null): boolean {
    if (token === null) return false;
    const expiresAt = this.uploadTokens.get(token);
    this.uploadTokens.delete(token);
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  fileUrl(storageId: string): string {
    return `${this.publicUrl}/api/storage/${encodeURIComponent(storageId)}`;
  }

  async save(storageId: string, blob: Blob): Promise<void> {
    if (!SAFE_ID.test(storageId)) return;
    writeFileSync(join(this.dir, storageId), Buffer.from(await blob.arrayBuffer()));
    writeFileSync(join(this.dir, `${storageId}.json`), JSON.stringify({ contentType: blob.type }));
  }

  load(storageId: string): Blob | null {
    if (!SAFE_ID.test(storageId)) return null;
    const path = join(this.dir, storageId);
    if (!existsSync(path)) return null;
    let contentType = "";
    try {
      contentType = (JSON.parse(readFileSync(`${path}.json`, "utf8")) as { contentType?: string }).contentType ?? "";
    } catch {
      // metadata lost with a kill between the two writes: the bytes still serve
    }
    return new Blob([new Uint8Array(readFileSync(path))], { type: contentType });
  }

  remove(storageId: string): void {
    if (!SAFE_ID.test(storageId)) return;
    rmSync(join(this.dir, storageId), { force: true });
    rmSync(join(this.dir, `${storageId}.json`), { force: true });
  }
}
