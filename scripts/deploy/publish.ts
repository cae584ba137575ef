// Publishing a built widget to a destination, and rolling back to an earlier version.
// The layout on the destination (docs/deploy.md):
//   runtime/<version>/…            immutable, every version kept
//   versions/<version>/manifest.json, versions/<version>/widget.js   what each version's
//                                  switch looked like, kept so a rollback can restore it
//   widget.js                      the live loader (short TTL); it names its runtime
//   manifest.json                  the live manifest (short TTL), written last
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sri } from "../build/integrity";
import { parseManifest, type WidgetManifest } from "../build/manifest";
import type { Destination, Upload } from "./destination";

export const CACHE = {
  /** Content-addressed or per-version files never change. */
  immutable: "public, max-age=31536000, immutable",
  /** The live loader: how long a page may run an old release after a deploy or rollback. */
  loader: "public, max-age=300, stale-while-revalidate=60",
  manifest: "public, max-age=60",
} as const;

const JS = "text/javascript; charset=utf-8";
const JSON_TYPE = "application/json";

export interface Options {
  dryRun: boolean;
  log(line: string): void;
}

/** Publishes the build in `buildDir` (a `vite build` output) and switches to it. */
export function publish(buildDir: string, dest: Destination, options: Options): WidgetManifest {
  const manifestText = readBuildFile(buildDir, "manifest.json");
  const manifest = parseManifest(manifestText.toString("utf8"), join(buildDir, "manifest.json"));
  const loader = readBuildFile(buildDir, manifest.loader.file);
  checkIntegrity(loader, manifest.loader.integrity, `${buildDir}/${manifest.loader.file}`);

  const versionDir = `versions/${manifest.version}`;
  const earlier = dest.read(`${versionDir}/manifest.json`);
  if (earlier !== null && !earlier.equals(manifestText)) {
    throw new Error(
      `version ${manifest.version} is already published on ${dest.label} with other files, and versions are immutable: ` +
        "publish under a new version (package.json, or OPENCOM_WIDGET_VERSION)",
    );
  }

  const uploads: Upload[] = Object.entries(manifest.files).map(([path, integrity]) => {
    const bytes = readBuildFile(buildDir, path);
    checkIntegrity(bytes, integrity, `${buildDir}/${path}`);
    return { path, bytes, cacheControl: CACHE.immutable, contentType: JS };
  });
  uploads.push(
    { path: `${versionDir}/widget.js`, bytes: loader, cacheControl: CACHE.immutable, contentType: JS },
    { path: `${versionDir}/manifest.json`, bytes: manifestText, cacheControl: CACHE.immutable, contentType: JSON_TYPE },
  );
  // The switch: the live loader, then the live manifest, last of all.
  uploads.push(...switchUploads(loader, manifestText));
  run(uploads, dest, options);
  options.log(`${options.dryRun ? "would publish" : "published"} ${manifest.version} to ${dest.label}`);
  return manifest;
}

/** Points widget.js and manifest.json back at a version published earlier. */
export function rollback(version: string, dest: Destination, options: Options): WidgetManifest {
  const versionDir = `versions/${version}`;
  const manifestText = dest.read(`${versionDir}/manifest.json`);
  const loader = dest.read(`${versionDir}/widget.js`);
  if (manifestText === null || loader === null) {
    const known = dest.publishedVersions();
    throw new Error(`version ${version} was never published to ${dest.label} (published: ${known.length ? known.join(", ") : "none"})`);
  }
  const manifest = parseManifest(manifestText.toString("utf8"), `${dest.label}/${versionDir}/manifest.json`);
  if (manifest.version !== version) throw new Error(`${versionDir}/manifest.json is for version ${manifest.version}, not ${version}`);
  checkIntegrity(loader, manifest.loader.integrity, `${dest.label}/${versionDir}/widget.js`);
  // Refuse to switch to a version whose files are gone or changed: pages would break.
  for (const [path, integrity] of Object.entries(manifest.files)) {
    const bytes = dest.read(path);
    if (bytes === null) throw new Error(`cannot roll back to ${version}: ${dest.label}/${path} is missing`);
    checkIntegrity(bytes, integrity, `${dest.label}/${path}`);
  }
  run(switchUploads(loader, manifestText), dest, options);
  options.log(`${options.dryRun ? "would roll back" : "rolled back"} ${dest.label} to ${version}`);
  return manifest;
}

function switchUploads(loader: Buffer, manifestText: Buffer): Upload[] {
  return [
    { path: "widget.js", bytes: loader, cacheControl: CACHE.loader, contentType: JS },
    { path: "manifest.json", bytes: manifestText, cacheControl: CACHE.manifest, contentType: JSON_TYPE },
  ];
}

/** Uploads in order; files already there with the same bytes are skipped (re-runs are cheap). */
function run(uploads: Upload[], dest: Destination, { dryRun, log }: Options): void {
  for (const upload of uploads) {
    const immutable = upload.cacheControl === CACHE.immutable;
    const existing = immutable ? dest.read(upload.path) : null;
    if (existing !== null && !existing.equals(upload.bytes)) {
      throw new Error(`${dest.label}/${upload.path} exists with other bytes; published files are immutable`);
    }
    const headers = `Cache-Control: ${upload.cacheControl}`;
    if (existing !== null) {
      log(`skip ${upload.path} (already published)`);
      continue;
    }
    log(`${dryRun ? "would upload" : "upload"} ${upload.path} (${upload.bytes.length} bytes; ${headers})`);
    if (!dryRun) dest.write(upload);
  }
}

function readBuildFile(buildDir: string, path: string): Buffer {
  const file = join(buildDir, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: is ${buildDir} a complete build?`);
  return readFileSync(file);
}

function checkIntegrity(bytes: Buffer, expected: string, label: string): void {
  const actual = sri(bytes);
  if (actual !== expected) throw new Error(`${label} does not match its integrity in the manifest (${actual} ≠ ${expected})`);
}
