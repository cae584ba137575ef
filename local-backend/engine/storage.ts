// File storage on disk for the local backend. convex-test keeps blobs in memory and hands out
// fake URLs; we keep a copy of every blob under the data dir, serve it from our own URL, and
// issue single-use upload tokens. As on Convex, storage ids are random and a file's URL holds
// a random key of its own (not the id), so neither can be guessed or counted through.
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DatabaseFake } from "./internals";

const UPLOAD_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
const SAFE_ID = /^[A-Za-z0-9_-]+$/;
const URL_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STORAGE_TABLE = "_storage";

interface FileMetadata {
  contentType?: string;
  urlKey?: string;
}

export class FileStore {
  private readonly uploadTokens = new Map<string, number>();
  private readonly keyOf = new Map<string, string>();
  private readonly fileOf = new Map<string, { componentPath: string; storageId: string }>();

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

  /** Gives a newly stored file its URL key (kept beside the blob by `save`). */
  register(componentPath: string, storageId: string, urlKey: string = randomUUID()): void {
    this.keyOf.set(storageId, urlKey);
    this.fileOf.set(urlKey, { componentPath, storageId });
  }

  fileUrl(storageId: string): string | null {
    const key = this.keyOf.get(storageId);
    return key === undefined ? null : `${this.publicUrl}/api/storage/${key}`;
  }

  /** The file a URL key names, or null: a storage id is not a URL key. */
  locate(urlKey: string): { componentPath: string; storageId: string } | null {
    return URL_KEY.test(urlKey) ? (this.fileOf.get(urlKey) ?? null) : null;
  }

  async save(storageId: string, blob: Blob): Promise<void> {
    if (!SAFE_ID.test(storageId)) return;
    writeFileSync(join(this.dir, storageId), Buffer.from(await blob.arrayBuffer()));
    this.writeMetadata(storageId, { contentType: blob.type });
  }

  /** A stored blob after a restart, its URL key registered again (made now for files kept before keys existed). */
  load(componentPath: string, storageId: string): Blob | null {
    if (!SAFE_ID.test(storageId)) return null;
    const path = join(this.dir, storageId);
    if (!existsSync(path)) return null;
    let metadata: FileMetadata = {};
    try {
      metadata = JSON.parse(readFileSync(`${path}.json`, "utf8")) as FileMetadata;
    } catch {
      // metadata lost with a kill between the two writes: the bytes still serve
    }
    this.register(componentPath, storageId, metadata.urlKey !== undefined && URL_KEY.test(metadata.urlKey) ? metadata.urlKey : undefined);
    if (metadata.urlKey !== this.keyOf.get(storageId)) this.writeMetadata(storageId, metadata);
    return new Blob([new Uint8Array(readFileSync(path))], { type: metadata.contentType ?? "" });
  }

  remove(storageId: string): void {
    const key = this.keyOf.get(storageId);
    if (key !== undefined) this.fileOf.delete(key);
    this.keyOf.delete(storageId);
    if (!SAFE_ID.test(storageId)) return;
    rmSync(join(this.dir, storageId), { force: true });
    rmSync(join(this.dir, `${storageId}.json`), { force: true });
  }

  private writeMetadata(storageId: string, metadata: FileMetadata): void {
    const urlKey = this.keyOf.get(storageId);
    writeFileSync(join(this.dir, `${storageId}.json`), JSON.stringify({ contentType: metadata.contentType ?? "", ...(urlKey ? { urlKey } : {}) }), { mode: 0o600 });
  }
}

/**
 * convex-test numbers ids in sequence; a storage id that names the next upload would let one
 * visitor reach another's. `_storage` ids get 24 random digits instead (about 80 bits), in
 * the same shape (digits then table name), so the rest of convex-test reads them as before.
 */
export function randomStorageIds(db: DatabaseFake): void {
  const generateId = db._generateId.bind(db);
  db._generateId = (table) => (table === STORAGE_TABLE ? `${randomDigits(8)}${randomDigits(8)}${randomDigits(8)}${STORAGE_TABLE}` : generateId(table));
}

function randomDigits(count: number): string {
  return String(randomInt(0, 10 ** count)).padStart(count, "0");
}
