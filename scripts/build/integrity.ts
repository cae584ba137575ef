// Subresource Integrity for the runtime's chunks, used by vite.config.ts once the bundle is
// final. Pure functions: no file system, no bundler types.
import { createHash } from "node:crypto";
import { posix } from "node:path";

/** The SRI string of some bytes: `sha384-<base64>` (what `integrity="…"` takes). */
export function sri(bytes: string | Uint8Array): string {
  return `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
}

/** What signing needs to know of one output chunk. */
export interface ChunkSource {
  fileName: string;
  code: string;
  /** File names of the chunks this one imports with `import()`. */
  dynamicImports: readonly string[];
}

export interface SignedChunks {
  /** The chunks' code after signing, by file name (only chunks that changed). */
  code: Map<string, string>;
  /** SRI of every chunk's final code, by file name. */
  integrity: Map<string, string>;
}

/**
 * The module-scope `var` that the helper prepended to a chunk defines: the exports of
 * src/loader/verified-import.ts, compiled as an IIFE.
 */
export const VERIFIED_IMPORT_GLOBAL = "__opencomVerified";

/**
 * Makes every lazy `import("./chunk.js")` between chunks go through `importVerified(url,
 * integrity)` (src/loader/verified-import.ts, compiled to `helperIife`, which defines
 * `VERIFIED_IMPORT_GLOBAL`), so a lazily loaded chunk is checked like the runtime entry
 * the loader imports.
 *
 * A chunk's integrity covers its final code, which holds the integrity of the chunks it
 * imports lazily, so chunks are signed leaves first. Lazy imports that form a cycle can't
 * all be signed and fail the build. File names (and their hashes) stay as the bundler made
 * them: a name still changes whenever any chunk it imports lazily changes, because that
 * chunk's own hashed name is in its code.
 */
export function signLazyImports(chunks: readonly ChunkSource[], helperIife: string): SignedChunks {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const code = new Map<string, string>();
  const integrity = new Map<string, string>();

  for (const chunk of leavesFirst(chunks, byName)) {
    let text = chunk.code;
    if (chunk.dynamicImports.length > 0) {
      for (const target of chunk.dynamicImports) {
        const targetIntegrity = integrity.get(target);
        if (targetIntegrity === undefined) throw new Error(`[opencom] ${chunk.fileName} imports ${target}, which is not a chunk of this build`);
        text = replaceLazyImport(text, chunk.fileName, target, targetIntegrity);
      }
      text = `${helperIife.trim()}\n${text}`;
      code.set(chunk.fileName, text);
    }
    integrity.set(chunk.fileName, sri(text));
  }
  return { code, integrity };
}

/** The specifier a bundler writes for `target` inside `from`: relative, with `./`. */
export function relativeSpecifier(from: string, target: string): string {
  const relative = posix.relative(posix.dirname(from), target);
  return relative.startsWith(".") ? relative : `./${relative}`;
}

function replaceLazyImport(code: string, fileName: string, target: string, targetIntegrity: string): string {
  const specifier = relativeSpecifier(fileName, target);
  let found = 0;
  // The bundler quotes the specifier with ", ' or a backtick; nothing else may sit inside.
  const result = code.replace(/\bimport\((["'`])([^"'`]+)\1\)/g, (match, _quote: string, text: string) => {
    if (text !== specifier) return match;
    found += 1;
    return `${VERIFIED_IMPORT_GLOBAL}.importVerified(new URL(${JSON.stringify(specifier)},import.meta.url).href,${JSON.stringify(targetIntegrity)})`;
  });
  if (found === 0) throw new Error(`[opencom] could not find import("${specifier}") in ${fileName} to add its integrity`);
  return result;
}

/** Chunks ordered so that every chunk comes after the chunks it imports lazily. */
function leavesFirst(chunks: readonly ChunkSource[], byName: Map<string, ChunkSource>): ChunkSource[] {
  const ordered: ChunkSource[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (chunk: ChunkSource, path: string[]) => {
    const seen = state.get(chunk.fileName);
    if (seen === "done") return;
    if (seen === "visiting") {
      throw new Error(`[opencom] lazy imports form a cycle (${[...path, chunk.fileName].join(" → ")}); their integrity can't be inlined`);
    }
    state.set(chunk.fileName, "visiting");
    for (const target of chunk.dynamicImports) {
      const next = byName.get(target);
      if (next) visit(next, [...path, chunk.fileName]);
    }
    state.set(chunk.fileName, "done");
    ordered.push(chunk);
  };
  for (const chunk of chunks) visit(chunk, []);
  return ordered;
}
