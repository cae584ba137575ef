// Finds the components an app uses. An app's convex.config.ts throws when evaluated outside
// Convex, so we bundle it with esbuild against a stub of `convex/server` that only records
// `defineComponent`/`use` calls, and learn each component's folder from the config file that
// defined it.
import { build, type Plugin } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { listModuleFiles, type ModuleMap } from "./modules";
import { pathToFileURL } from "node:url";

export interface ComponentInstance {
  /** Path as convex-test and function references name it: "rateLimiter/batchWorker". */
  path: string;
  /** The folder holding the component's convex.config, schema and modules. */
  dir: string;
}

const STUB = `
const folders = globalThis.__componentFolders;
function definition(name) {
  const def = { name, dir: globalThis.__currentConfigDir, uses: [] };
  def.use = (child, options) => { def.uses.push({ child, name: options?.name ?? child.name }); return {}; };
  return def;
}
export function defineApp() { return definition(null); }
export function defineComponent(name) { return definition(name); }
export function componentsGeneric() { return {}; }
`;

const recordConfigDirs: Plugin = {
  name: "record-component-config",
  setup(builder) {
    builder.onResolve({ filter: /^convex\/server$/ }, () => ({ path: "convex-server-stub", namespace: "stub" }));
    builder.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: STUB, loader: "js" }));
    // Imports are hoisted, so a config's own body runs after its children's: setting the folder
    // at the top of the body is still current when its defineComponent() runs.
    builder.onLoad({ filter: /convex\.config\.(ts|js|mjs)$/ }, (args) => ({
      contents: `globalThis.__currentConfigDir = ${JSON.stringify(dirname(args.path))};\n${readFileSync(args.path, "utf8")}`,
      loader: args.path.endsWith(".ts") ? "ts" : "js",
      resolveDir: dirname(args.path),
    }));
  },
};

interface Definition {
  dir: string;
  uses: Array<{ child: Definition; name: string }>;
}

export async function findComponents(functionsDir: string): Promise<ComponentInstance[]> {
  const configFile = ["convex.config.ts", "convex.config.js"].map((f) => join(functionsDir, f)).find(existsSync);
  if (configFile === undefined) return [];
  const result = await build({
    entryPoints: [configFile],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    logLevel: "silent",
    plugins: [recordConfigDirs],
  });
  const code = result.outputFiles[0]?.text ?? "";
  const app = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)).default as Definition;
  const instances: ComponentInstance[] = [];
  const walk = (def: Definition, prefix: string) => {
    for (const { child, name } of def.uses) {
      const path = prefix ? `${prefix}/${name}` : name;
      instances.push({ path, dir: child.dir });
      walk(child, path);
    }
  };
  walk(app, "");
  return instances;
}

/** A component's modules keyed the way convex-test expects, with its schema module if any. */
export async function componentModules(dir: string): Promise<{ modules: ModuleMap; schema: unknown }> {
  const modules: ModuleMap = {};
  for (const file of listModuleFiles(dir)) {
    if (/convex\.config\.[mc]?[jt]s$/.test(file)) continue;
    modules[`./${relative(dir, file)}`] = () => import(pathToFileURL(file).href);
  }
  const schemaFile = ["schema.js", "schema.ts"].map((f) => join(dir, f)).find(existsSync);
  const schema = schemaFile ? ((await import(pathToFileURL(schemaFile).href)) as { default: unknown }).default : null;
  return { modules, schema };
}
