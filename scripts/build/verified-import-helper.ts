// Compiles src/loader/verified-import.ts into the snippet that signLazyImports prepends to
// runtime chunks: one module-scope `var` holding its exports. One source for the loader and
// the chunks, so the two can't drift apart.
import { readFileSync } from "node:fs";
import { transformSync } from "esbuild";
import { VERIFIED_IMPORT_GLOBAL } from "./integrity.js";

export function compileVerifiedImportHelper(sourceFile: string): string {
  const { code } = transformSync(readFileSync(sourceFile, "utf8"), { loader: "ts", format: "esm", minify: true, target: "es2020" });
  // esbuild ends a module with one `export{a as name,…};` clause: turn it into an object.
  const match = /export\s*\{([^}]*)\};?\s*$/.exec(code);
  if (!match?.[1]) throw new Error(`[opencom] ${sourceFile}: expected one export clause at the end of the compiled code`);
  const exports = match[1].split(",").map((part) => {
    const [local, exported = local] = part.trim().split(/\s+as\s+/);
    return `${exported}:${local}`;
  });
  return `var ${VERIFIED_IMPORT_GLOBAL}=(()=>{${code.slice(0, match.index)}return{${exports.join(",")}}})();`;
}
