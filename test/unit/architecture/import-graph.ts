import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/** The repository root, so that every path in the graph reads `src/runtime/session.ts`. */
export const ROOT = resolve(import.meta.dirname, "../../..");

export interface ImportEdge {
  /** Importing file, relative to the root. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** The resolved file relative to the root, or null for a package import. */
  to: string | null;
  /** `import type` / `export type`: erased at build time. */
  typeOnly: boolean;
}

const SOURCE = /\.(?:tsx?|mts|mjs|js)$/;

export function sourceFiles(folder: string): string[] {
  const dir = join(ROOT, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function resolveRelative(fromFile: string, specifier: string): string {
  const base = resolve(ROOT, dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.d.ts`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  // Unresolvable relative imports are reported as such rather than hidden.
  return relative(ROOT, base);
}

/** Every static import, re-export and dynamic `import("…")` of one file, read by TypeScript's parser. */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edges: ImportEdge[] = [];
  const add = (specifier: string, typeOnly: boolean) =>
    edges.push({ from: file, specifier, typeOnly, to: specifier.startsWith(".") ? resolveRelative(file, specifier) : null });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.importClause?.isTypeOnly === true);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) add(arg.text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

export function importsUnder(...folders: string[]): ImportEdge[] {
  return folders.flatMap((folder) => sourceFiles(folder).flatMap(importsOf));
}

/** The top folder of a path: `src/runtime/x.ts` -> `src`. */
export function topFolder(path: string): string {
  return path.split("/")[0] ?? path;
}

/**
 * The folder a file belongs to in the layer rules: `src/runtime/session.ts` -> `src/runtime`;
 * a file at the top of a tree (`src/index.ts`, `convex/messages.ts`) -> `src/(root)`,
 * `convex/(root)`. For convex/ that node is every domain module together: they are the
 * deployment's public surface and call one another through `internal`, not through imports.
 * The inbox's folders are those of its app, `inbox/src/chats/composer.tsx` -> `inbox/src/chats`
 * (`inbox/src/routes.ts` -> `inbox/src/(root)`); `inbox/apps/host.ts` -> `inbox/apps`.
 */
export function folderOf(path: string): string {
  const [top, second, ...rest] = path.split("/");
  if (top === "core") return "core";
  // The inbox's app lives one level down (inbox/src/chats/…): its folders are those under inbox/src.
  if (top === "inbox" && second === "src") return rest.length <= 1 ? "inbox/src/(root)" : `inbox/src/${rest[0]}`;
  return rest.length === 0 ? `${top}/(root)` : `${top}/${second}`;
}

export interface FolderEdge {
  from: string;
  to: string;
  /** The file imports behind this edge, for the message of a failing check. */
  via: ImportEdge[];
}

/** Imports between folders (type-only ones included), within and across the given trees. */
export function folderGraph(edges: ImportEdge[]): FolderEdge[] {
  const graph = new Map<string, FolderEdge>();
  for (const edge of edges) {
    if (edge.to === null) continue;
    const from = folderOf(edge.from);
    const to = folderOf(edge.to);
    if (from === to) continue;
    const key = `${from} -> ${to}`;
    const entry = graph.get(key) ?? { from, to, via: [] };
    entry.via.push(edge);
    graph.set(key, entry);
  }
  return [...graph.values()];
}

/** The strongly connected components with more than one folder (Tarjan): each is a cycle. */
export function folderCycles(graph: FolderEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of graph) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of new Set(graph.flatMap((edge) => [edge.from, edge.to]))) if (!index.has(node)) visit(node);
  return cycles;
}
