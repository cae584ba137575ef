// `local-backend env list|get|set|unset`: the deployment variables kept in the data dir, as
// `npx convex env` manages a deployment's. A running backend picks changes up at once.
import { resolve } from "node:path";
import { assertEnvVar, readStoredEnv, writeStoredEnv } from "./engine/deployment-env";

const USAGE = "usage: local-backend env list | get NAME | set NAME VALUE | unset NAME   (data dir from OPENCOM_DATA_DIR)";

/** Runs one env command; returns the process exit code. */
export function runEnvCommand(args: string[], environment: NodeJS.ProcessEnv, out: (line: string) => void = console.log): number {
  const dataDir = resolve(environment.OPENCOM_DATA_DIR || ".opencom-local");
  const [verb, name, value] = args;
  const vars = readStoredEnv(dataDir);
  switch (verb) {
    case "list":
      for (const [key, stored] of Object.entries(vars)) out(`${key}=${stored}`);
      return 0;
    case "get":
      if (name === undefined || vars[name] === undefined) {
        out(name === undefined ? USAGE : `Environment variable ${name} is not set`);
        return 1;
      }
      out(vars[name]);
      return 0;
    case "set":
      if (name === undefined || value === undefined) break;
      assertEnvVar(name, value);
      writeStoredEnv(dataDir, { ...vars, [name]: value });
      out(`Set ${name}`);
      return 0;
    case "unset":
      if (name === undefined) break;
      delete vars[name];
      writeStoredEnv(dataDir, vars);
      out(`Unset ${name}`);
      return 0;
  }
  out(USAGE);
  return 1;
}
