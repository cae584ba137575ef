// Shapes a thrown value the way Convex reports function failures to clients: a ConvexError
// carries its data (errorData); any other error is a message only, since sending errorData:null
// would turn it into a ConvexError on the client.
import { convexToJson, type JSONValue, type Value } from "convex/values";
import { binarySize } from "./limits";

export interface FunctionFailure {
  errorMessage: string;
  errorData?: JSONValue;
}

export class ArgumentValidationError extends Error {
  override name = "ArgumentValidationError";
}

export class FunctionNotFoundError extends Error {}

export function isConvexError(error: unknown): error is Error & { data: Value } {
  return typeof error === "object" && error !== null && Symbol.for("ConvexError") in error;
}

/** A refusal by the deployment itself (not thrown by the function's code): no "Uncaught". */
export class DeploymentError extends Error {}

export function describeFailure(error: unknown, requestId: string): FunctionFailure {
  if (isConvexError(error)) {
    return { errorMessage: error.message, errorData: convexToJson(error.data) };
  }
  if (error instanceof ArgumentValidationError || error instanceof FunctionNotFoundError || error instanceof DeploymentError) {
    return { errorMessage: `[Request ID: ${requestId}] Server Error\n${error.name === "Error" ? "" : `${error.name}: `}${convexWording(error.message)}` };
  }
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  return { errorMessage: `[Request ID: ${requestId}] Server Error\nUncaught ${name}: ${convexWording(message)}` };
}

const OVER_LIMIT_HELP =
  "Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.";
const CONVEX_TEST_LIMIT = / This is a Convex limit: \S+$/;

/** convex-test words the transaction limits its own way; clients get the deployment's words. */
export function convexWording(message: string): string {
  const limit = /\(limit: (\d+)( bytes)?\)/.exec(message)?.[1];
  if (limit === undefined || !CONVEX_TEST_LIMIT.test(message)) return message;
  if (message.startsWith("Scanned too many documents")) return `Too many documents read in a single function execution (limit: ${limit}). ${OVER_LIMIT_HELP}`;
  if (message.startsWith("Read too much data")) return `Too many bytes read in a single function execution (limit: ${limit} bytes). ${OVER_LIMIT_HELP}`;
  if (message.startsWith("Too many index ranges read")) return `Too many reads in a single function execution (limit: ${limit}). ${OVER_LIMIT_HELP}`;
  if (message.startsWith("Wrote too many documents")) return `Too many writes in a single function execution (limit: ${limit})`;
  if (message.startsWith("Wrote too much data")) return `Too many bytes written in a single function execution (limit: ${binarySize(Number(limit))})`;
  if (message.startsWith("Scheduled too many functions")) return `Too many functions scheduled by this mutation (limit: ${limit})`;
  if (message.startsWith("Scheduled function arguments too large")) {
    return `Too large total size of the arguments of scheduled functions from this mutation (limit: ${limit} bytes)`;
  }
  return message;
}
