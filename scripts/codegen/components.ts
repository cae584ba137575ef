// Finds the components an app installs by reading convex/convex.config.ts as text.
// Evaluating it is not an option: `defineApp()` throws outside a Convex push.

/** One `app.use(component, options?)` call in convex.config.ts. */
export interface ComponentUse {
  /** The default-import binding passed to `use`, e.g. `rateLimiter`. */
  importName: string;
  /** Where that binding is imported from, e.g. `@convex-dev/rate-limiter/convex.config.js`. */
  specifier: string;
  /** The `{ name }` option, which overrides the component's default name. */
  name?: string;
}

/** An installed component as the generated api.d.ts needs it. */
export interface InstalledComponent {
  /** Key under `components.` */
  name: string;
  /**
   * Module that exports the component's `ComponentApi` type, or undefined when the
   * component ships none (its functions are then typed loosely).
   */
  componentApiModule: string | undefined;
}

/** Blank out comments so that commented-out `app.use(...)` lines are not counted. */
export function stripComments(source: string): string {
  const stringOrComment = /("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
  return source.replace(stringOrComment, (match, stringLiteral: string | undefined) =>
    stringLiteral ?? match.replace(/[^\n]/g, " "),
  );
}

/** Default imports: `import rateLimiter from "@convex-dev/rate-limiter/convex.config.js"`. */
function defaultImports(source: string): Map<string, string> {
  const imports = new Map<string, string>();
  const defaultImport = /^\s*import\s+([A-Za-z_$][\w$]*)\s+from\s+(["'])([^"']+)\2/gm;
  for (const match of source.matchAll(defaultImport)) {
    const [, binding, , specifier] = match;
    if (binding !== undefined && specifier !== undefined) imports.set(binding, specifier);
  }
  return imports;
}

/**
 * The components installed by a convex.config.ts, in the order of their `use` calls.
 * Only `use` calls whose first argument is a default import count, so other
 * `.use(...)` calls in the file are ignored.
 */
export function parseAppConfig(configSource: string): ComponentUse[] {
  const source = stripComments(configSource);
  const imports = defaultImports(source);
  const useCall = /\.use\(\s*([A-Za-z_$][\w$]*)\s*(?:,\s*\{([^}]*)\}\s*)?,?\s*\)/g;
  const uses: ComponentUse[] = [];
  for (const match of source.matchAll(useCall)) {
    const [, importName, options] = match;
    const specifier = importName === undefined ? undefined : imports.get(importName);
    if (importName === undefined || specifier === undefined) continue;
    const explicitName = options?.match(/\bname\s*:\s*(["'])([^"']+)\1/)?.[2];
    uses.push(explicitName === undefined ? { importName, specifier } : { importName, specifier, name: explicitName });
  }
  return uses;
}

/** The name in `defineComponent("rateLimiter")`, the default key under `components.` */
export function parseComponentDefaultName(componentConfigSource: string): string | undefined {
  return stripComments(componentConfigSource).match(/\bdefineComponent\(\s*(["'])([^"']+)\1/)?.[2];
}

/**
 * Convex names a component's types after the import specifier with its
 * `/convex.config…` suffix removed: `@convex-dev/rate-limiter/convex.config.js`
 * → `@convex-dev/rate-limiter`, whose `_generated/component.js` holds `ComponentApi`.
 */
export function componentPackageBase(specifier: string): string {
  return specifier.replace(/\/convex\.config.*$/, "");
}

/** The npm package a bare specifier points into: `@scope/pkg/sub` → `@scope/pkg`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

/** Convex refuses two components under one name, so we do too, before emitting a broken type. */
export function assertUniqueNames(components: readonly InstalledComponent[]): void {
  const seen = new Set<string>();
  for (const { name } of components) {
    if (seen.has(name)) throw new Error(`convex.config.ts installs two components named "${name}"`);
    seen.add(name);
  }
}
