// Convex returns a function's console output to the client that called it, as lines like
// `[LOG] 'text'`. We route console calls made inside one of our executions into its log lines;
// output from work with no client (scheduled functions, crons, HTTP actions) goes to stdout.
import { inspect } from "node:util";
import type { Executions } from "./executions";

const LEVELS = { log: "LOG", info: "INFO", warn: "WARN", error: "ERROR", debug: "DEBUG" } as const;

export function formatLogLine(level: string, args: unknown[]): string {
  return `[${level}] ${args.map((arg) => inspect(arg, { depth: 4, breakLength: Infinity })).join(" ")}`;
}

export function captureConsole(executions: Executions, echo: boolean): void {
  const real = globalThis.console;
  const routed = Object.create(real) as Console;
  for (const [method, level] of Object.entries(LEVELS) as Array<[keyof typeof LEVELS, string]>) {
    routed[method] = (...args: unknown[]) => {
      const execution = executions.current();
      if (execution === undefined) {
        real[method](...args);
        return;
      }
      const line = formatLogLine(level, args);
      execution.logLines.push(line);
      if (echo) real.log(`[function] ${line}`);
    };
  }
  globalThis.console = routed;
}
