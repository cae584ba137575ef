// `npm run build:types`: the npm package's type declarations, in dist/esm/types/:
//   index.d.ts   for `import { init } from "opencom-widget"` (src/index.ts)
//   global.d.ts  `window.OpencomWidget` and `window.opencomSettings` for script-tag users
//                (`/// <reference types="opencom-widget/global" />`)
// Only the declarations the entry's types reach are kept: the package's types show its
// public surface, not the runtime's internals.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, posix, relative, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(import.meta.dirname, "..");
const OUT_DIR = join(ROOT, "dist/esm/types");
// Declarations keep the repository's layout (src/, core/) so that their relative imports hold;
// index.d.ts at the top re-exports the entry's.
const ENTRY = "src/index.d.ts";
const TOP_ENTRY = `export * from "./src/index";\n`;
// The custom-app author's kit, `opencom-widget/apps` (src/apps-kit/index.ts).
const KIT_ENTRY = "src/apps-kit/index.d.ts";
const KIT_TOP_ENTRY = `export * from "./src/apps-kit/index";\n`;
// The typed client of the widget configuration API, `opencom-widget/config` (src/config-client/index.ts).
const CONFIG_ENTRY = "src/config-client/index.d.ts";
const CONFIG_TOP_ENTRY = `export * from "./src/config-client/index";\n`;

const GLOBAL_DTS = `// window.OpencomWidget, as the script tag (dist/widget.js) installs it.
import type { OpencomWidgetApi, WidgetConfig } from "./index";

declare global {
  interface Window {
    /** The widget's API; calls made before the runtime has loaded are queued. */
    OpencomWidget?: OpencomWidgetApi;
    /** Settings read by widget.js when it loads; they win over the script tag's data-opencom-* attributes. */
    opencomSettings?: Partial<WidgetConfig>;
  }
}

export {};
`;

export function emitDeclarations(outDir: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } });
  if (!config) throw new Error("could not read tsconfig.json");
  const options: ts.CompilerOptions = { ...config.options, noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir: ROOT, outDir };
  const program = ts.createProgram([join(ROOT, "src/index.ts"), join(ROOT, "src/apps-kit/index.ts"), join(ROOT, "src/config-client/index.ts")], options);
  const emitted = new Map<string, string>();
  const result = program.emit(undefined, (file, text) => emitted.set(posix.normalize(relative(outDir, file).split("\\").join("/")), text), undefined, true);
  const errors = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) throw new Error(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" }));

  const kept = [...new Set([...reachable(ENTRY, emitted), ...reachable(KIT_ENTRY, emitted), ...reachable(CONFIG_ENTRY, emitted)])].sort();
  rmSync(outDir, { recursive: true, force: true });
  for (const file of kept) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    writeFileSync(join(outDir, file), emitted.get(file)!);
  }
  writeFileSync(join(outDir, "index.d.ts"), TOP_ENTRY);
  writeFileSync(join(outDir, "global.d.ts"), GLOBAL_DTS);
  writeFileSync(join(outDir, "apps.d.ts"), KIT_TOP_ENTRY);
  writeFileSync(join(outDir, "config.d.ts"), CONFIG_TOP_ENTRY);
  return [...kept, "index.d.ts", "global.d.ts", "apps.d.ts", "config.d.ts"];
}

/** The declaration files `entry` imports, directly or not (relative imports only). */
function reachable(entry: string, files: Map<string, string>): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = files.get(file);
    if (text === undefined) throw new Error(`${file} was not emitted`);
    seen.add(file);
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      const target = posix.normalize(posix.join(posix.dirname(file), specifier!)).replace(/\.js$/, "");
      visit(files.has(`${target}.d.ts`) ? `${target}.d.ts` : `${target}/index.d.ts`);
    }
  };
  visit(entry);
  return [...seen].sort();
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const files = emitDeclarations(OUT_DIR);
  console.log(`[build:types] ${relative(ROOT, OUT_DIR)}: ${files.join(", ")}`);
}
