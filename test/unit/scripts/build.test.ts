// @vitest-environment node
// The build's integrity signing and manifest (scripts/build/), as pure functions.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { relativeSpecifier, signLazyImports, sri, VERIFIED_IMPORT_GLOBAL, type ChunkSource } from "../../../scripts/build/integrity";
import { parseManifest, serializeManifest, type WidgetManifest } from "../../../scripts/build/manifest";
import { compileVerifiedImportHelper } from "../../../scripts/build/verified-import-helper";

const HELPER = `var ${VERIFIED_IMPORT_GLOBAL}={importVerified(){}};`;

describe("sri", () => {
  it("is sha384 of the bytes, base64", () => {
    const expected = createHash("sha384").update("hello").digest("base64");
    expect(sri("hello")).toBe(`sha384-${expected}`);
    expect(sri(Buffer.from("hello"))).toBe(`sha384-${expected}`);
  });
});

describe("signLazyImports", () => {
  const entry: ChunkSource = { fileName: "runtime/1.0.0/runtime-A.js", code: 'let p=()=>import(`./panel-B.js`);export{p}', dynamicImports: ["runtime/1.0.0/panel-B.js"] };
  const panel: ChunkSource = { fileName: "runtime/1.0.0/panel-B.js", code: 'import{p}from"./runtime-A.js";let t=()=>import("./tour-C.js");', dynamicImports: ["runtime/1.0.0/tour-C.js"] };
  const tour: ChunkSource = { fileName: "runtime/1.0.0/tour-C.js", code: 'import{p}from"./runtime-A.js";export const x=1', dynamicImports: [] };

  it("inlines each lazy chunk's integrity, leaves first, and hashes every chunk's final code", () => {
    const { code, integrity } = signLazyImports([entry, panel, tour], HELPER);
    expect(code.has(tour.fileName)).toBe(false);
    expect(integrity.get(tour.fileName)).toBe(sri(tour.code));

    const panelCode = code.get(panel.fileName)!;
    expect(panelCode.startsWith(HELPER)).toBe(true);
    expect(panelCode).toContain(`${VERIFIED_IMPORT_GLOBAL}.importVerified(new URL("./tour-C.js",import.meta.url).href,"${sri(tour.code)}")`);
    expect(panelCode).not.toContain('import("./tour-C.js")');
    expect(integrity.get(panel.fileName)).toBe(sri(panelCode));

    const entryCode = code.get(entry.fileName)!;
    expect(entryCode).toContain(`"${sri(panelCode)}"`);
    expect(integrity.get(entry.fileName)).toBe(sri(entryCode));
  });

  it("replaces every import() of the same chunk and leaves other imports alone", () => {
    const twice: ChunkSource = { ...entry, code: 'import(`./panel-B.js`);import("./panel-B.js");import("./other.js")' };
    const result = signLazyImports([twice, { ...panel, dynamicImports: [], code: "x" }], HELPER).code.get(entry.fileName)!;
    expect(result.split(".importVerified(").length - 1).toBe(2);
    expect(result).toContain('import("./other.js")');
  });

  it("fails the build when a lazy import can't be found or the chunks form a lazy cycle", () => {
    const hidden: ChunkSource = { ...entry, code: "let s='./panel-B.js';import(s)" };
    expect(() => signLazyImports([hidden, tour, { ...panel, dynamicImports: [] }], HELPER)).toThrow(/could not find import\("\.\/panel-B\.js"\)/);
    const back: ChunkSource = { ...tour, code: 'import("./runtime-A.js")', dynamicImports: [entry.fileName] };
    expect(() => signLazyImports([entry, panel, back], HELPER)).toThrow(/cycle.*runtime-A\.js → .*panel-B\.js → .*tour-C\.js → .*runtime-A\.js/);
  });

  it("writes specifiers as the bundler does", () => {
    expect(relativeSpecifier("runtime/1.0.0/a.js", "runtime/1.0.0/b.js")).toBe("./b.js");
    expect(relativeSpecifier("runtime/1.0.0/a.js", "runtime/1.0.0/sub/b.js")).toBe("./sub/b.js");
    expect(relativeSpecifier("runtime/1.0.0/sub/a.js", "runtime/1.0.0/b.js")).toBe("../b.js");
  });
});

describe("compileVerifiedImportHelper", () => {
  it("turns src/loader/verified-import.ts into one var holding its exports", () => {
    const helper = compileVerifiedImportHelper(resolve(import.meta.dirname, "../../../src/loader/verified-import.ts"));
    expect(helper.startsWith(`var ${VERIFIED_IMPORT_GLOBAL}=(()=>{`)).toBe(true);
    expect(helper).toMatch(/return\{importVerified:\w+,preloadVerified:\w+\}\}\)\(\);$/);
    expect(helper).not.toContain("export");
    expect(() => new Script(helper)).not.toThrow();
  });
});

describe("manifest", () => {
  const integrity = sri("x");
  const manifest: WidgetManifest = {
    version: "1.2.3",
    loader: { file: "widget.js", integrity },
    runtime: { file: "runtime/1.2.3/runtime-A.js", integrity },
    files: { "runtime/1.2.3/runtime-A.js": integrity, "runtime/1.2.3/panel-B.js": integrity },
  };

  it("round-trips, with files in a stable order", () => {
    const text = serializeManifest(manifest);
    expect(parseManifest(text)).toEqual(manifest);
    expect(text.indexOf("panel-B")).toBeLessThan(text.indexOf("runtime-A.js\": "));
  });

  it("names the field that is wrong", () => {
    const bad = (patch: object) => () => parseManifest(JSON.stringify({ ...manifest, ...patch }), "m.json");
    expect(() => parseManifest("{", "m.json")).toThrow(/m\.json is not JSON/);
    expect(bad({ version: "../1" })).toThrow("m.json: version must be a version like 1.2.3");
    expect(bad({ runtime: { file: "runtime/9.9.9/r.js", integrity } })).toThrow("m.json: runtime.file must be under runtime/1.2.3/");
    expect(bad({ loader: { file: "widget.js", integrity: "sha256-abc" } })).toThrow("m.json: loader.integrity must be sha384-<base64>");
    expect(bad({ files: { "runtime/1.2.3/../../etc/passwd": integrity } })).toThrow(/files\["runtime\/1\.2\.3\/\.\.\/\.\.\/etc\/passwd"\] must be a path under runtime\/1\.2\.3\//);
    expect(bad({ files: {} })).toThrow("m.json: files must list the runtime entry with its integrity");
  });
});
