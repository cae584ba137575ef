// Where the deploy script publishes: a local directory (tests, a web server's root, a mounted
// bucket) or an S3-compatible bucket through the aws CLI.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface Upload {
  /** Path under the destination, `/`-separated. */
  path: string;
  bytes: Buffer;
  cacheControl: string;
  contentType: string;
}

export interface Destination {
  /** For messages: the directory or `s3://bucket/prefix`. */
  readonly label: string;
  /** The file's bytes, or null when there is none. */
  read(path: string): Buffer | null;
  /** Writes one file so that readers see the old bytes or the new, never a mix. */
  write(upload: Upload): void;
  /** Versions that have a `versions/<version>/` folder. */
  publishedVersions(): string[];
}

export function openDestination(dest: string): Destination {
  if (dest.startsWith("s3://")) return new S3Destination(dest);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(dest)) throw new Error(`--dest ${dest}: only a local directory or s3://bucket/prefix is supported`);
  return new LocalDestination(dest);
}

class LocalDestination implements Destination {
  constructor(readonly label: string) {}

  read(path: string): Buffer | null {
    const file = join(this.label, path);
    return existsSync(file) ? readFileSync(file) : null;
  }

  write({ path, bytes }: Upload): void {
    const file = join(this.label, path);
    mkdirSync(dirname(file), { recursive: true });
    // rename() within one directory is atomic: a request sees the old file or the new one.
    const temporary = `${file}.tmp-${process.pid}-${Date.now()}`;
    try {
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
    } finally {
      rmSync(temporary, { force: true });
    }
  }

  publishedVersions(): string[] {
    const dir = join(this.label, "versions");
    return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
  }
}

/** `aws s3 …` commands; each PUT of an object is atomic on S3, so no rename is needed. */
class S3Destination implements Destination {
  readonly label: string;
  private readonly base: string;

  constructor(url: string) {
    const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/.*)?$/.exec(url);
    if (!match) throw new Error(`--dest ${url}: expected s3://bucket/prefix with a valid bucket name`);
    const prefix = (match[2] ?? "").replace(/^\/+|\/+$/g, "");
    this.base = `s3://${match[1]}${prefix ? `/${prefix}` : ""}`;
    this.label = this.base;
    checkAwsCli();
  }

  read(path: string): Buffer | null {
    const result = aws(["s3", "cp", `${this.base}/${path}`, "-", "--only-show-errors"]);
    if (result.status === 0) return result.stdout;
    if (/\b(404|Not Found|NoSuchKey|does not exist)\b/i.test(result.stderr)) return null;
    throw new Error(`aws s3 cp ${this.base}/${path} failed: ${result.stderr.trim()}`);
  }

  write({ path, bytes, cacheControl, contentType }: Upload): void {
    const args = ["s3", "cp", "-", `${this.base}/${path}`, "--only-show-errors", "--cache-control", cacheControl, "--content-type", contentType];
    const result = aws(args, bytes);
    if (result.status !== 0) throw new Error(`aws s3 cp to ${this.base}/${path} failed: ${result.stderr.trim()}`);
  }

  publishedVersions(): string[] {
    const result = aws(["s3", "ls", `${this.base}/versions/`]);
    if (result.status !== 0) return [];
    return [...result.stdout.toString("utf8").matchAll(/^\s*PRE (.+)\/$/gm)].map((m) => m[1]!).sort();
  }
}

function aws(args: string[], input?: Buffer): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync("aws", args, { input, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`could not run the aws CLI: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

/** A clear error before anything is uploaded when the aws CLI is missing or has no credentials. */
function checkAwsCli(): void {
  const version = spawnSync("aws", ["--version"]);
  if (version.error || version.status !== 0) {
    throw new Error("an s3:// destination needs the aws CLI (https://aws.amazon.com/cli/), and `aws` is not on PATH");
  }
  const list = spawnSync("aws", ["configure", "list"]);
  const output = list.stdout?.toString("utf8") ?? "";
  const accessKey = /^\s*access_key\s+(\S+)/m.exec(output)?.[1];
  if (list.status !== 0 || accessKey === undefined || accessKey === "<not") {
    throw new Error("the aws CLI has no credentials: run `aws configure` or set AWS_PROFILE / AWS_ACCESS_KEY_ID (and AWS_ENDPOINT_URL for an S3-compatible store)");
  }
}
