// dist/manifest.json: which files make up one version of the widget, with their SRI hashes.
// Written by the build (vite.config.ts), read by the deploy script, the bench and the tests.

/** One file of the build, its path relative to the dist root (= the CDN prefix). */
export interface ManifestFile {
  file: string;
  /** `sha384-<base64>` of the file's bytes. */
  integrity: string;
}

export interface WidgetManifest {
  /** The version whose files live under `runtime/<version>/`. */
  version: string;
  /** The classic script customers link (`widget.js`); it has the runtime's name and integrity inlined. */
  loader: ManifestFile;
  /** The ES module the loader imports. */
  runtime: ManifestFile;
  /** Every file under `runtime/<version>/` (the entry included) → its integrity. */
  files: Record<string, string>;
}

/** Versions become path segments and S3 keys: keep them to what semver allows. */
export const VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$/;

export function versionDir(version: string): string {
  return `runtime/${version}`;
}

/** The manifest as written to disk: stable key order, trailing newline. */
export function serializeManifest(manifest: WidgetManifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}

const INTEGRITY_PATTERN = /^sha384-[A-Za-z0-9+/]{64}$/;

/** Parses and checks a manifest; throws an Error naming the first bad field. */
export function parseManifest(text: string, source = "manifest.json"): WidgetManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
  const fail = (field: string, why: string): never => {
    throw new Error(`${source}: ${field} ${why}`);
  };
  if (typeof value !== "object" || value === null) return fail("(root)", "must be an object");
  const record = value as Record<string, unknown>;
  const version = record.version;
  if (typeof version !== "string" || !VERSION_PATTERN.test(version)) return fail("version", "must be a version like 1.2.3");
  const file = (field: string, inside: string | null): ManifestFile => {
    const entry = record[field] as Record<string, unknown> | undefined;
    if (typeof entry?.file !== "string" || !safePath(entry.file)) return fail(`${field}.file`, "must be a relative path");
    if (inside !== null && !entry.file.startsWith(`${inside}/`)) return fail(`${field}.file`, `must be under ${inside}/`);
    if (typeof entry.integrity !== "string" || !INTEGRITY_PATTERN.test(entry.integrity)) return fail(`${field}.integrity`, "must be sha384-<base64>");
    return { file: entry.file, integrity: entry.integrity };
  };
  const dir = versionDir(version);
  const loader = file("loader", null);
  const runtime = file("runtime", dir);
  const files = record.files;
  if (typeof files !== "object" || files === null || Array.isArray(files)) return fail("files", "must be an object");
  for (const [path, integrity] of Object.entries(files)) {
    if (!safePath(path) || !path.startsWith(`${dir}/`)) fail(`files["${path}"]`, `must be a path under ${dir}/`);
    if (typeof integrity !== "string" || !INTEGRITY_PATTERN.test(integrity)) fail(`files["${path}"]`, "must be sha384-<base64>");
  }
  if ((files as Record<string, string>)[runtime.file] !== runtime.integrity) return fail("files", "must list the runtime entry with its integrity");
  return { version, loader, runtime, files: files as Record<string, string> };
}

/** A relative path with no `..`, no absolute root, no backslash: safe to join under a prefix. */
function safePath(path: string): boolean {
  return path !== "" && !path.startsWith("/") && !path.includes("\\") && path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}
