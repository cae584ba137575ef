// `npm run codegen`: writes convex/_generated/ the way `npx convex codegen` would,
// without the deployment that command needs.
// `npm run codegen -- --check`: writes nothing; exits 1 naming the files that are out of date.
// `--convex-dir <dir>` points it at another functions folder (default: convex/ of this repo).

import path from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATED_DIR, readConvexProject, readGeneratedDir, writeGeneratedDir } from "./codegen/project.js";
import { renderGeneratedFiles, staleFiles } from "./codegen/render.js";

const USAGE = "usage: tsx scripts/codegen.ts [--check] [--convex-dir <dir>]";

interface Options {
  checkOnly: boolean;
  convexDir: string;
}

function parseArgs(args: readonly string[]): Options | string {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const options: Options = { checkOnly: false, convexDir: path.join(repoRoot, "convex") };
  const remaining = [...args];
  for (let arg = remaining.shift(); arg !== undefined; arg = remaining.shift()) {
    if (arg === "--check") {
      options.checkOnly = true;
      continue;
    }
    // Lets tests point the CLI at a scratch folder instead of the real convex/.
    const dir = arg === "--convex-dir" ? remaining.shift() : undefined;
    if (dir === undefined) return `codegen: unexpected argument ${arg}; ${USAGE}`;
    options.convexDir = path.resolve(dir);
  }
  return options;
}

function main(args: readonly string[]): number {
  const options = parseArgs(args);
  if (typeof options === "string") {
    console.error(options);
    return 2;
  }
  const { checkOnly, convexDir } = options;
  const generatedDir = path.join(convexDir, GENERATED_DIR);

  const expected = renderGeneratedFiles(readConvexProject(convexDir));
  const stale = staleFiles(expected, readGeneratedDir(generatedDir));
  const shownDir = path.relative(process.cwd(), generatedDir) || generatedDir;

  if (checkOnly) {
    if (stale.length === 0) return 0;
    console.error(
      `codegen: ${shownDir} is out of date: ${stale.join(", ")}\nRun \`npm run codegen\` and commit the result.`,
    );
    return 1;
  }
  writeGeneratedDir(generatedDir, expected, stale);
  console.log(stale.length === 0 ? `codegen: ${shownDir} already up to date` : `codegen: updated ${stale.join(", ")}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
