// Whether a client may call a function the way it asks, refused with Convex's own wording:
// unknown and internal functions are "not found", a query called as a mutation says so, and
// bad arguments get Convex's ArgumentValidationError text (path, value and validator).
import type { Value } from "convex/values";
import { ArgumentValidationError, FunctionNotFoundError } from "./errors";
import { binarySize, MAX_ARGS_BYTES, assertValueLimits, valueSize } from "./limits";
import { checkValue, displayValue, type ValidatorJson } from "./validation";

export type FunctionKind = "query" | "mutation" | "action";

export type RegisteredFunction = Record<string, unknown> & { exportArgs(): string };

const KIND_FLAG: Record<FunctionKind, string> = { query: "isQuery", mutation: "isMutation", action: "isAction" };

export function assertCallable(options: {
  kind: FunctionKind;
  udfPath: string;
  fn: RegisteredFunction | undefined;
  args: Value;
  /** Admin callers (the admin key) may run internal functions too. */
  admin?: boolean;
}): void {
  const { kind, udfPath, fn, args } = options;
  if (fn === undefined || (fn.isPublic !== true && !(options.admin === true && fn.isInternal === true))) {
    throw new FunctionNotFoundError(`Could not find public function for '${udfPath}'. Did you forget to run \`npx convex dev\` or \`npx convex deploy\`?`);
  }
  if (fn[KIND_FLAG[kind]] !== true) {
    const actual = (Object.keys(KIND_FLAG) as FunctionKind[]).find((k) => fn[KIND_FLAG[k]] === true) ?? "unknown";
    throw new FunctionNotFoundError(`Trying to execute ${udfPath} as ${capitalise(kind)}, but it is defined as ${capitalise(actual)}.`);
  }
  if (typeof args !== "object" || args === null || Array.isArray(args) || args instanceof ArrayBuffer) {
    throw new FunctionNotFoundError(`Expected to receive an object as the function's argument. Instead received: ${displayValue(args)}`);
  }
  assertArgumentLimits(udfPath, args);
  const failure = checkValue(JSON.parse(fn.exportArgs()) as ValidatorJson, args);
  if (failure !== null) throw new ArgumentValidationError(failure.message);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function assertArgumentLimits(udfPath: string, args: Value): void {
  try {
    assertValueLimits(args);
  } catch (error) {
    throw new FunctionNotFoundError(`Invalid arguments for ${udfPath}: ${(error as Error).message}`);
  }
  const size = valueSize([args]);
  if (size > MAX_ARGS_BYTES) throw new FunctionNotFoundError(`Arguments for ${udfPath} are too large (actual: ${binarySize(size)}, limit: ${binarySize(MAX_ARGS_BYTES)})`);
}
