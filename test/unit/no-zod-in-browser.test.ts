import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * src/ is the browser bundle, where schemas use valibot: zod/mini cost 27 KB of the 133 KB
 * runtime chunk and pushed the JS fetched before the messenger opens over its 40 KB gzip
 * budget (docs/architecture.md). The server (convex/, local-backend/) keeps full zod.
 */

const SRC = join(import.meta.dirname, "../../src");
// Static imports and re-exports (`from "zod"`, `from "zod/mini"`) and dynamic `import("zod…")`.
const ZOD_IMPORT = /\bfrom\s*["']zod(?:\/[^"']*)?["']|\bimport\s*\(\s*["']zod(?:\/[^"']*)?["']\s*\)|^\s*import\s*["']zod/m;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?[jt]sx?)$/.test(entry.name) ? [path] : [];
  });
}

describe("the browser bundle", () => {
  it("scans a real source tree", () => {
    expect(sourceFiles(SRC).length).toBeGreaterThan(50);
  });

  it("imports no zod anywhere under src/", () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => ZOD_IMPORT.test(readFileSync(file, "utf8")))
      .map((file) => relative(SRC, file));
    expect(offenders, "use valibot in src/ (import * as v from \"valibot\"); zod is for the server").toEqual([]);
  });

  it("recognises every way of importing zod", () => {
    for (const line of ['import { z } from "zod";', "import * as z from 'zod/mini';", 'export { z } from "zod/v4";', 'await import("zod")', 'import "zod";']) {
      expect(ZOD_IMPORT.test(line), line).toBe(true);
    }
    expect(ZOD_IMPORT.test('import * as v from "valibot"; // was zod')).toBe(false);
  });
});
