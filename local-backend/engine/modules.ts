// Discovers the modules of a Convex functions folder and loads them eagerly, so that a module
// that fails to load is reported by its file name at start-up instead of at its first call.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

export type ModuleMap = Record<string, () => Promise<Record<string, unknown>>>;

const MODULE_FILE = /\.(ts|js|mjs|tsx)$/;
// convex.config.ts only runs inside Convex's bundler; components.ts reads it instead.
const NOT_A_MODULE = /(\.d\.ts|\.test\.[tj]sx?|(^|\/)convex\.config\.[mc]?[jt]s)$/;

/** Every module file below `dir`, as absolute paths, `_generated` included (convex-test needs it). */
export function listModuleFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".") || name === "node_modules") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...listModuleFiles(path));
    else if (MODULE_FILE.test(name) && !NOT_A_MODULE.test(name)) files.push(path);
  }
  return files;
}

export interface LoadedModules {
  /** Keys are absolute file paths; convex-test strips the extension and the folder prefix. */
  map: ModuleMap;
  failures: Array<{ file: string; error: string }>;
}

export async function loadModules(dir: string): Promise<LoadedModules> {
  const map: ModuleMap = {};
  const failures: LoadedModules["failures"] = [];
  for (const file of listModuleFiles(dir)) {
    const url = pathToFileURL(file).href;
    try {
      const module = (await import(url)) as Record<string, unknown>;
      map[file] = async () => module;
    } catch (error) {
      failures.push({ file: relative(process.cwd(), file), error: describe(error) });
      map[file] = async () => {
        throw new Error(`Module ${relative(dir, file)} failed to load: ${describe(error)}`);
      };
    }
  }
  return { map, failures };
}

/** The module path a udfPath names: "lib/users:get" → "lib/users". */
export function modulePathOf(udfPath: string): { modulePath: string; exportName: string } {
  const [modulePath = "", exportName = "default"] = udfPath.split(":");
  return { modulePath: modulePath.replace(/\.(ts|js)$/, ""), exportName };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The file of module `modulePath` ("lib/users") in a loaded map, if there is one. */
export function moduleFileOf(map: ModuleMap, functionsDir: string, modulePath: string): string | undefined {
  const wanted = join(functionsDir, modulePath);
  return Object.keys(map).find((file) => file.replace(/\.[^.]+$/, "") === wanted);
}

/** Module `modulePath`'s exports, or undefined when the app has no such module. */
export async function loadModuleOf(map: ModuleMap, functionsDir: string, modulePath: string): Promise<Record<string, unknown> | undefined> {
  const file = moduleFileOf(map, functionsDir, modulePath);
  return file === undefined ? undefined : map[file]!();
}

/** "messages.js:list" and "messages:list" name the same function, as on Convex. */
export function canonicalUdfPath(udfPath: string): string {
  const [modulePath = "", exportName] = udfPath.split(":");
  const bare = modulePath.replace(/\.js$/, "");
  return exportName === undefined ? bare : `${bare}:${exportName}`;
}
