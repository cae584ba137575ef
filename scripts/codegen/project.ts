// File-system side of codegen: reads convex/ into a ConvexProject and reads or
// writes convex/_generated/. Everything that decides what to emit lives in the
// pure modules beside this one.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  assertUniqueNames,
  componentPackageBase,
  packageNameOf,
  parseAppConfig,
  parseComponentDefaultName,
  type ComponentUse,
  type InstalledComponent,
} from "./components.js";
import { isModuleCandidate, selectModules, type SourceFile } from "./modules.js";
import type { ConvexProject, GeneratedFiles } from "./render.js";

export const GENERATED_DIR = "_generated";
const APP_CONFIG = "convex.config.ts";

/** Files under `dir` (relative, forward slashes), skipping _generated/ and nested components. */
function listFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relativePath = `${prefix}${entry.name}`;
    const absolutePath = path.join(dir, entry.name);
    if (entry.isFile()) files.push(relativePath);
    // A subfolder with its own convex.config.ts is a component, not part of this app's api.
    else if (entry.isDirectory() && relativePath !== GENERATED_DIR && !existsSync(path.join(absolutePath, APP_CONFIG))) {
      files.push(...listFiles(absolutePath, `${relativePath}/`));
    }
  }
  return files;
}

function readModuleCandidates(convexDir: string): SourceFile[] {
  return listFiles(convexDir)
    .filter(isModuleCandidate)
    .map((relativePath) => ({ relativePath, text: readFileSync(path.join(convexDir, relativePath), "utf8") }));
}

/** Whether `exports` (of package.json) exposes `subpath`, literally or through a `*` pattern. */
function exportsSubpath(exportsField: unknown, subpath: string): boolean {
  if (typeof exportsField !== "object" || exportsField === null) return false;
  return Object.keys(exportsField).some((key) => {
    const [before, after, ...rest] = key.split("*");
    if (after === undefined || rest.length > 0) return key === subpath;
    return subpath.startsWith(before ?? "") && subpath.endsWith(after) && subpath.length >= key.length - 1;
  });
}

/** Whether an installed component package lets `<base>/_generated/component.js` be imported. */
function packageShipsComponentApi(specifier: string, resolvedConfig: string): boolean {
  const packageName = packageNameOf(specifier);
  const subpath = `.${componentPackageBase(specifier).slice(packageName.length)}/_generated/component.js`;
  for (let dir = path.dirname(resolvedConfig); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifestPath = path.join(dir, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { name?: unknown; exports?: unknown };
    if (manifest.name !== packageName) continue;
    if (manifest.exports !== undefined) return exportsSubpath(manifest.exports, subpath);
    return ["d.ts", "ts", "js"].some((extension) =>
      existsSync(path.join(dir, subpath.replace(/\.js$/, `.${extension}`))),
    );
  }
  return false;
}

function resolveLocalConfig(convexDir: string, specifier: string): string {
  const target = path.resolve(convexDir, specifier);
  const candidates = [target, target.replace(/\.js$/, ".ts"), `${target}.ts`, path.join(target, APP_CONFIG)];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (found === undefined) throw new Error(`convex.config.ts: cannot find component config "${specifier}"`);
  return found;
}

function resolveComponent(convexDir: string, use: ComponentUse): InstalledComponent {
  const isLocal = use.specifier.startsWith(".");
  const configPath = isLocal
    ? resolveLocalConfig(convexDir, use.specifier)
    : createRequire(path.join(convexDir, APP_CONFIG)).resolve(use.specifier);
  const name = use.name ?? parseComponentDefaultName(readFileSync(configPath, "utf8"));
  if (name === undefined) {
    throw new Error(`convex.config.ts: no defineComponent("…") name in ${configPath} (imported as ${use.importName})`);
  }
  let componentApiModule: string | undefined;
  if (isLocal) {
    const componentDir = path.dirname(configPath);
    const shipsApi = existsSync(path.join(componentDir, GENERATED_DIR, "component.ts"));
    const relativeDir = path.relative(convexDir, componentDir).split(path.sep).join("/");
    componentApiModule = shipsApi ? `../${relativeDir}/${GENERATED_DIR}/component.js` : undefined;
  } else if (packageShipsComponentApi(use.specifier, configPath)) {
    componentApiModule = `${componentPackageBase(use.specifier)}/${GENERATED_DIR}/component.js`;
  }
  if (componentApiModule === undefined) {
    console.warn(`codegen: component "${name}" (${use.specifier}) ships no ComponentApi type; typing it loosely`);
  }
  return { name, componentApiModule };
}

/** Reads convex/ (which may be missing or empty) into what the renderer needs. */
export function readConvexProject(convexDir: string): ConvexProject {
  const appConfigPath = path.join(convexDir, APP_CONFIG);
  const components = existsSync(appConfigPath)
    ? parseAppConfig(readFileSync(appConfigPath, "utf8")).map((use) => resolveComponent(convexDir, use))
    : [];
  assertUniqueNames(components);
  return {
    modulePaths: selectModules(readModuleCandidates(convexDir)),
    hasSchema: ["schema.ts", "schema.js"].some((file) => existsSync(path.join(convexDir, file))),
    components,
  };
}

/** The regular files now in convex/_generated/ (subfolders are left alone). */
export function readGeneratedDir(generatedDir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(generatedDir)) return files;
  for (const entry of readdirSync(generatedDir, { withFileTypes: true })) {
    if (entry.isFile()) files.set(entry.name, readFileSync(path.join(generatedDir, entry.name), "utf8"));
  }
  return files;
}

/** Makes convex/_generated/ hold exactly `files`, touching only what changed. */
export function writeGeneratedDir(generatedDir: string, files: GeneratedFiles, stale: readonly string[]): void {
  mkdirSync(generatedDir, { recursive: true });
  for (const name of stale) {
    const content = files.get(name);
    if (content === undefined) rmSync(path.join(generatedDir, name));
    else writeFileSync(path.join(generatedDir, name), content);
  }
}
