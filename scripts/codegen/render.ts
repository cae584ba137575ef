// Turns what we know about convex/ into the text of every file in convex/_generated/.
// The text is printed already in prettier's layout, so no formatter is needed and
// `--check` can compare bytes.

import type { InstalledComponent } from "./components.js";
import { moduleIdentifier, moduleName, propertyKey } from "./modules.js";
import { dataModelDts, generatedHeader, serverDts, serverJs } from "./templates.js";

/** Everything the generated files depend on. */
export interface ConvexProject {
  /** Function modules, paths relative to convex/ (e.g. `lib/foo.ts`), in output order. */
  modulePaths: readonly string[];
  hasSchema: boolean;
  components: readonly InstalledComponent[];
}

/** File name inside convex/_generated/ → its content. */
export type GeneratedFiles = ReadonlyMap<string, string>;

const API_SUMMARY = "Generated `api` utility.";

export function apiJs(): string {
  return `${generatedHeader(API_SUMMARY)}
import { anyApi, componentsGeneric } from "convex/server";

/**
 * References to this app's functions, e.g. \`api.messages.send\`.
 * At runtime any path works; api.d.ts gives the types.
 */
export const api = anyApi;
export const internal = anyApi;
export const components = componentsGeneric();
`;
}

function componentType(component: InstalledComponent): string {
  const quotedName = JSON.stringify(component.name);
  return component.componentApiModule === undefined
    ? `import("convex/server").AnyComponents[string]`
    : `import(${JSON.stringify(component.componentApiModule)}).ComponentApi<${quotedName}>`;
}

/** An object type in prettier's layout: `{}` when empty, one member per line otherwise. */
function objectType(members: readonly string[]): string {
  return members.length === 0 ? "{}" : `{\n${members.map((member) => `  ${member};\n`).join("")}}`;
}

export function apiDts(project: ConvexProject): string {
  const moduleImports = project.modulePaths
    .map((path) => `import type * as ${moduleIdentifier(path)} from "../${moduleName(path)}.js";\n`)
    .join("");
  const moduleMembers = project.modulePaths.map(
    (path) => `${propertyKey(moduleName(path))}: typeof ${moduleIdentifier(path)}`,
  );
  const componentMembers = project.components.map(
    (component) => `${propertyKey(component.name)}: ${componentType(component)}`,
  );
  return `${generatedHeader(API_SUMMARY)}
${moduleImports === "" ? "" : `${moduleImports}\n`}import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";

declare const fullApi: ApiFromModules<${objectType(moduleMembers)}>;

/**
 * References to this app's public functions, e.g. \`api.messages.send\`,
 * for clients and for \`ctx.runQuery\` / \`ctx.runMutation\` / \`ctx.runAction\`.
 */
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;

/**
 * References to this app's internal functions, e.g. \`internal.messages.deliver\`,
 * for the scheduler, crons and other functions; clients cannot call them.
 */
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;

/** The functions of the components installed in convex/convex.config.ts. */
export declare const components: ${objectType(componentMembers)};
`;
}

export function renderGeneratedFiles(project: ConvexProject): GeneratedFiles {
  return new Map([
    ["api.d.ts", apiDts(project)],
    ["api.js", apiJs()],
    ["dataModel.d.ts", dataModelDts(project.hasSchema)],
    ["server.d.ts", serverDts()],
    ["server.js", serverJs()],
  ]);
}

/**
 * Names of files that differ between `expected` and `onDisk`: changed, missing, or
 * present on disk but no longer generated (Convex deletes those, so they are stale too).
 */
export function staleFiles(expected: GeneratedFiles, onDisk: ReadonlyMap<string, string>): string[] {
  const names = new Set([...expected.keys(), ...onDisk.keys()]);
  return [...names].filter((name) => expected.get(name) !== onDisk.get(name)).sort();
}
