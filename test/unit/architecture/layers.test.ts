import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  folderCycles,
  folderGraph,
  folderOf,
  importsOf,
  importsUnder,
  ROOT,
  sourceFiles,
  topFolder,
  type FolderEdge,
  type ImportEdge,
} from "./import-graph";

/*
 * The layer rules of docs/architecture.md, checked on the real import graph:
 * - core/ holds pure rules both sides use: it imports nothing but core/, no package, no DOM;
 * - convex/ (the backend) never imports the browser code in src/ or inbox/;
 * - src/ reaches convex/ only for types from convex/_generated (erased from the bundle); inbox/
 *   for its function references (convex/_generated) and for types;
 * - no import cycle between folders of src/, inbox/ or convex/, type-only imports included
 *   (a type cycle still means neither folder can be read, tested or moved without the other);
 * - folders import only folders below them in the orders below, which docs/architecture.md
 *   draws. Folders on one line are siblings: neither imports the other. core/ is below all.
 */

/**
 * src/, top to bottom. (root) is src/index.ts (the npm entry) and src/loader.ts (the script tag's);
 * src/apps-kit is the custom-app authors' entry (`opencom-widget/apps`), which needs core/ only;
 * src/config-client the typed client of the configuration API (`opencom-widget/config`), likewise.
 */
const SRC_LAYERS: string[][] = [
  ["src/(root)", "src/apps-kit", "src/config-client"],
  ["src/app"],
  ["src/messenger", "src/overlays"],
  ["src/runtime"],
  ["src/engine", "src/i18n", "src/loader", "src/ui"],
  ["src/sdk"],
];

/**
 * inbox/, top to bottom. inbox/src/app is the composition root (main, the signed-in app, the shell
 * with its sections) and inbox/(root) the Vite config; then the screens, which share what lies
 * below them: the Chats screen's pieces (times, shortcuts, sound), the custom-app panels with the
 * composer's draft channel, and inbox/src/(root), the basics every screen uses (the Convex hooks,
 * the sign-in session, routes, configuration, the workspace type, the page's clock). inbox/apps is
 * the custom-app host (frames, event hub, token URLs), which needs core/ only.
 */
const INBOX_LAYERS: string[][] = [
  ["inbox/(root)", "inbox/src/app"],
  ["inbox/src/auth", "inbox/src/contacts", "inbox/src/engagement", "inbox/src/settings", "inbox/src/tickets"],
  ["inbox/src/chats"],
  ["inbox/src/apps", "inbox/src/form"],
  ["inbox/src/(root)"],
  ["inbox/apps"],
];

/** convex/, top to bottom. (root) is every domain module (messages.ts, tours.ts…), http.ts and schema.ts. */
const CONVEX_LAYERS: string[][] = [["convex/(root)"], ["convex/rest"], ["convex/model"], ["convex/outgoing"], ["convex/lib"], ["convex/_generated"]];

const describeEdge = (edge: ImportEdge) => `${edge.from} -> ${edge.specifier}`;

describe("the import graph reader", () => {
  it("sees static, type-only, re-exported and dynamic imports", () => {
    const edges = importsOf("test/unit/architecture/fixtures/all-import-forms.ts");
    expect(edges.map((edge) => [edge.specifier, edge.typeOnly])).toEqual([
      ["../import-graph", false],
      ["./nothing-here", true],
      ["node:path", false],
      ["./lazy", false],
      ["./type-node", true],
    ]);
    expect(edges[0]?.to).toBe("test/unit/architecture/import-graph.ts");
  });
});

describe("core/", () => {
  it("holds the shared rules", () => {
    expect(sourceFiles("core").length).toBeGreaterThanOrEqual(9);
  });

  it("imports only core/, and no package", () => {
    const offenders = importsUnder("core").filter((edge) => edge.to === null || topFolder(edge.to) !== "core");
    expect(offenders.map(describeEdge)).toEqual([]);
  });

  it("type-checks without the DOM or Node", () => {
    const run = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "core/tsconfig.json"], { cwd: ROOT, encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 60_000);
});

describe("convex/", () => {
  it("never imports the browser code", () => {
    const offenders = importsUnder("convex").filter((edge) => edge.to !== null && ["src", "inbox", "examples"].includes(topFolder(edge.to)));
    expect(offenders.map(describeEdge)).toEqual([]);
  });
});

describe("convex/lib/", () => {
  it("holds pure helpers: no function builder, no ctx of its own (convex/_generated for types only)", () => {
    const offenders = importsUnder("convex/lib").filter(
      (edge) => edge.to !== null && edge.to.startsWith("convex/_generated/") && !edge.typeOnly,
    );
    expect(offenders.map(describeEdge)).toEqual([]);
  });
});

describe("src/", () => {
  it("reaches convex/ only for erased types from convex/_generated", () => {
    const offenders = importsUnder("src").filter(
      (edge) => edge.to !== null && topFolder(edge.to) === "convex" && !(edge.typeOnly && edge.to.startsWith("convex/_generated/")),
    );
    expect(offenders.map(describeEdge)).toEqual([]);
  });
});

describe("inbox/", () => {
  it("reaches convex/ only for function references (convex/_generated) and erased types", () => {
    const offenders = importsUnder("inbox").filter(
      (edge) => edge.to !== null && topFolder(edge.to) === "convex" && !edge.typeOnly && !edge.to.startsWith("convex/_generated/"),
    );
    expect(offenders.map(describeEdge)).toEqual([]);
  });
});

/** The folders a tree has: its subfolders, plus (root) when files sit at its top. */
function foldersOf(tree: string): string[] {
  const files = sourceFiles(tree);
  return [...new Set(files.map(folderOf))].sort();
}

/** Edges that go up or sideways in `layers` (edges to folders outside it are other rules' business). */
function edgesAgainst(layers: string[][], graph: FolderEdge[]): string[] {
  const rank = new Map(layers.flatMap((layer, index) => layer.map((folder) => [folder, index] as const)));
  return graph
    .filter(({ from, to }) => rank.has(from) && rank.has(to) && rank.get(to)! <= rank.get(from)!)
    .map(({ from, to, via }) => `${from} -> ${to} (${via.map((edge) => `${edge.from}: ${edge.specifier}`).join(", ")})`);
}

const describeCycles = (graph: FolderEdge[]) =>
  folderCycles(graph).map((cycle) => {
    const inside = graph.filter(({ from, to }) => cycle.includes(from) && cycle.includes(to));
    return `${cycle.join(" <-> ")}: ${inside.map(({ from, to, via }) => `${from} -> ${to} via ${via[0]!.from}`).join("; ")}`;
  });

describe("the folder cycle check", () => {
  it("finds a cycle, through type-only imports too, and names the imports behind it", () => {
    const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, specifier: to, typeOnly });
    const graph = folderGraph([
      edge("src/a/x.ts", "src/b/y.ts"),
      edge("src/b/y.ts", "src/c/z.ts"),
      edge("src/c/z.ts", "src/a/w.ts", true),
      edge("src/c/z.ts", "src/d/v.ts"),
      edge("src/d/v.ts", "src/d/u.ts"),
    ]);
    expect(folderCycles(graph)).toEqual([["src/a", "src/b", "src/c"]]);
    expect(describeCycles(graph)[0]).toContain("src/c -> src/a via src/c/z.ts");
    expect(edgesAgainst([["src/a"], ["src/b"], ["src/c"], ["src/d"]], graph)).toEqual(["src/c -> src/a (src/c/z.ts: src/a/w.ts)"]);
    expect(folderCycles(folderGraph([edge("src/a/x.ts", "src/b/y.ts")]))).toEqual([]);
  });

  it("counts top-level files as one folder, (root)", () => {
    expect(folderOf("src/index.ts")).toBe("src/(root)");
    expect(folderOf("convex/messages.ts")).toBe("convex/(root)");
    expect(folderOf("convex/lib/errors.ts")).toBe("convex/lib");
    expect(folderOf("core/messages/text.ts")).toBe("core");
    expect(folderOf("inbox/src/chats/composer.tsx")).toBe("inbox/src/chats");
    expect(folderOf("inbox/src/settings/bots/bots-page.tsx")).toBe("inbox/src/settings");
    expect(folderOf("inbox/src/routes.ts")).toBe("inbox/src/(root)");
    expect(folderOf("inbox/apps/host.ts")).toBe("inbox/apps");
  });
});

describe.each([
  ["src", SRC_LAYERS],
  ["convex", CONVEX_LAYERS],
  ["inbox", INBOX_LAYERS],
])("%s/ folders", (tree, layers) => {
  const graph = folderGraph(importsUnder(tree));

  it("import one another without a cycle", () => {
    expect(describeCycles(graph)).toEqual([]);
  });

  it("follow the declared order, every folder in it", () => {
    expect(foldersOf(tree).filter((folder) => !layers.flat().includes(folder))).toEqual([]);
    expect(edgesAgainst(layers, graph)).toEqual([]);
  });
});

describe("docs/architecture.md", () => {
  it("draws the same folder order as this test checks", () => {
    const doc = readFileSync(join(ROOT, "docs/architecture.md"), "utf8");
    for (const [tree, layers] of [["src", SRC_LAYERS], ["convex", CONVEX_LAYERS], ["inbox", INBOX_LAYERS]] as const) {
      const block = doc.match(new RegExp(`<!-- layers:${tree} -->\\s*\`\`\`\\n([\\s\\S]*?)\`\`\``))?.[1];
      expect(block, `a layers:${tree} diagram`).toBeDefined();
      // Folder names of the tree, deepest first: inbox/src/chats is one name, not inbox/src.
      const name = new RegExp(`${tree}/(?:src/)?[\\w()-]+`, "g");
      const drawn = block!.split("\n").map((line) => [...line.matchAll(name)].map((match) => match[0]).sort()).filter((line) => line.length > 0);
      expect(drawn).toEqual(layers.map((layer) => [...layer].sort()));
    }
  });
});

describe("src/ and backend function names", () => {
  const modules = new Set(readdirSync(join(ROOT, "convex")).filter((file) => file.endsWith(".ts")).map((file) => file.slice(0, -3)));
  const FUNCTION_NAME = /^([A-Za-z]+)[:/]([A-Za-z]+)$/;

  /** String literals of a file that read like "messages:send". */
  function functionNamesIn(file: string): string[] {
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && modules.has(FUNCTION_NAME.exec(node.text)?.[1] ?? "")) {
        found.push(`${file}: "${node.text}"`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  it("name no backend function in a string: callers use the table in src/runtime/functions.ts", () => {
    expect(existsSync(join(ROOT, "convex/messages.ts"))).toBe(true);
    expect(functionNamesIn("test/unit/architecture/fixtures/function-name.ts")).toEqual([
      'test/unit/architecture/fixtures/function-name.ts: "messages:send"',
    ]);
    expect(sourceFiles("src").flatMap(functionNamesIn)).toEqual([]);
  });
});
