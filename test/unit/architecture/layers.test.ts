import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { importsOf, importsUnder, ROOT, sourceFiles, topFolder, type ImportEdge } from "./import-graph";

/*
 * The layer rules of docs/architecture.md, checked on the real import graph:
 * - core/ holds pure rules both sides use: it imports nothing but core/, no package, no DOM;
 * - convex/ (the backend) never imports the browser code in src/ or inbox/;
 * - src/ reaches convex/ only for types from convex/_generated (erased from the bundle).
 */

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

describe("src/", () => {
  it("reaches convex/ only for erased types from convex/_generated", () => {
    const offenders = importsUnder("src").filter(
      (edge) => edge.to !== null && topFolder(edge.to) === "convex" && !(edge.typeOnly && edge.to.startsWith("convex/_generated/")),
    );
    expect(offenders.map(describeEdge)).toEqual([]);
  });
});
