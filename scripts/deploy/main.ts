// The publishing half of scripts/deploy-widget-cdn.sh (which builds and checks the budgets
// first):
//   tsx scripts/deploy/main.ts publish --from <build dir> --dest <dir | s3://bucket/prefix> [--dry-run]
//   tsx scripts/deploy/main.ts rollback --version <version> --dest <…> [--dry-run]
import { parseArgs } from "node:util";
import { VERSION_PATTERN } from "../build/manifest";
import { openDestination } from "./destination";
import { publish, rollback } from "./publish";

const log = (line: string) => console.log(`[deploy] ${line}`);

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { from: { type: "string" }, dest: { type: "string" }, version: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
  const [command] = positionals;
  if (!values.dest) throw new Error("--dest <dir | s3://bucket/prefix> is required");
  const options = { dryRun: values["dry-run"], log };
  if (command === "publish") {
    if (!values.from) throw new Error("publish needs --from <build dir>");
    publish(values.from, openDestination(values.dest), options);
  } else if (command === "rollback") {
    if (!values.version || !VERSION_PATTERN.test(values.version)) throw new Error("rollback needs --version <version>, e.g. 1.2.3");
    rollback(values.version, openDestination(values.dest), options);
  } else {
    throw new Error(`unknown command "${command ?? ""}": use publish or rollback`);
  }
} catch (error) {
  console.error(`[deploy] error: ${(error as Error).message}`);
  process.exit(1);
}
