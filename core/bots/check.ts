/**
 * A tiny checker for the bot rules: each check either returns the value or
 * throws a BotRuleError naming the field path (`responses[2].buttons[0].value`),
 * which the validators turn into a result. No schema library, so both the
 * browser (valibot) and the server (zod) can share it as plain code.
 */

export class BotRuleError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path} ${problem}`);
  }
}

export type Path = string;

export const at = (path: Path, key: string | number): Path =>
  typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;

export function fail(path: Path, problem: string): never {
  throw new BotRuleError(path === "" ? "body" : path, problem);
}

export function record(value: unknown, path: Path): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "must be an object");
  return value as Record<string, unknown>;
}

/** Refuses keys the rule does not know, so a typo is named rather than silently ignored. */
export function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], path: Path): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(at(path, key), "is not a known field");
  }
}

export function text(value: unknown, path: Path, min: number, max: number): string {
  if (typeof value !== "string") fail(path, "must be a string");
  if (value.length < min) fail(path, min === 1 ? "must not be empty" : `must be at least ${min} characters`);
  if (value.length > max) fail(path, `must be at most ${max} characters`);
  return value;
}

export function list(value: unknown, path: Path, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) fail(path, "must be an array");
  if (value.length < min) fail(path, `must hold at least ${min} item${min === 1 ? "" : "s"}`);
  if (value.length > max) fail(path, `must hold at most ${max} items`);
  return value;
}

export function integerIn(value: unknown, path: Path, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(path, "must be a number");
  if (value < min || value > max) fail(path, `must be between ${min} and ${max}`);
  return Math.round(value);
}

export function oneOf<T extends string>(value: unknown, path: Path, options: readonly T[]): T {
  if (typeof value !== "string" || !(options as readonly string[]).includes(value)) {
    fail(path, `must be one of ${options.join(", ")}`);
  }
  return value as T;
}

/** Runs a check and turns its error into a result; other errors are bugs and propagate. */
export function attempt<T>(run: () => T): { ok: true; value: T } | { ok: false; path: string; message: string } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof BotRuleError) return { ok: false, path: error.path, message: error.message };
    throw error;
  }
}
