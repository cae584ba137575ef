// Which files under convex/ are function modules, and how each is named in the
// generated api. The rules follow `npx convex codegen` (convex 1.48) so that
// our committed api.d.ts lists exactly the modules a real deployment would.

/** Extensions esbuild bundles as JavaScript or TypeScript; Convex accepts the same set. */
const ENTRY_POINT_EXTENSIONS = [".js", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".jsx"];

/** Names that would clash with the generated file's own declarations. */
const GENERATED_BINDINGS = new Set(["fullApi", "api", "internal", "components"]);

const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else export extends " +
    "false finally for function if import in instanceof new null return super switch this " +
    "throw true try typeof var void while with let static yield await enum implements " +
    "interface package private protected public"
  ).split(" "),
);

/** A file found under convex/, path relative to convex/ with forward slashes. */
export interface SourceFile {
  relativePath: string;
  text: string;
}

/**
 * True when `relativePath` (relative to convex/, forward slashes) may hold Convex functions.
 * More than one dot in the file name rules out `schema.test.ts`, `auth.config.ts`,
 * `convex.config.ts` and `.d.ts` files in one go, exactly as Convex does.
 */
export function isModuleCandidate(relativePath: string): boolean {
  const fileName = relativePath.slice(relativePath.lastIndexOf("/") + 1);
  if (!ENTRY_POINT_EXTENSIONS.some((extension) => fileName.toLowerCase().endsWith(extension))) {
    return false;
  }
  if (relativePath.startsWith("_generated/")) return false;
  if (fileName.startsWith(".") || fileName.startsWith("#")) return false;
  if (fileName === "schema.ts" || fileName === "schema.js") return false;
  if ((fileName.match(/\./g) ?? []).length > 1) return false;
  return !relativePath.includes(" ");
}

/**
 * Convex skips a TypeScript file with no import or export: it is not a module, and
 * `import type * as x from` such a file would not compile.
 */
export function hasModuleSyntax(file: SourceFile): boolean {
  // Convex applies this to .ts and .tsx only; other extensions always count as modules.
  const isTypeScript = /\.tsx?$/.test(file.relativePath);
  return !isTypeScript || /^\s{0,100}(import|export)/m.test(file.text);
}

/**
 * The function modules among `files`, sorted by plain code-unit order of their paths
 * (not locale order) so the output is the same on every machine.
 */
export function selectModules(files: readonly SourceFile[]): string[] {
  return files
    .filter((file) => isModuleCandidate(file.relativePath) && hasModuleSyntax(file))
    .map((file) => file.relativePath)
    .sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
}

/** `lib/foo.ts` → `lib/foo`: the module's key in the api and its import path. */
export function moduleName(relativePath: string): string {
  const lastDot = relativePath.lastIndexOf(".");
  return lastDot === -1 ? relativePath : relativePath.slice(0, lastDot);
}

/** `lib/foo.ts` → `lib_foo`: a binding name for `import type * as lib_foo`. */
export function moduleIdentifier(relativePath: string): string {
  const identifier = moduleName(relativePath).replace(/\//g, "_").replace(/-/g, "_");
  return GENERATED_BINDINGS.has(identifier) || RESERVED_WORDS.has(identifier)
    ? `${identifier}_`
    : identifier;
}

/** An object-type key, quoted only when it is not a plain identifier (as prettier prints it). */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}
