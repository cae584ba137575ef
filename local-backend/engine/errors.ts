// Shapes a thrown value the way Convex reports function failures to clients: a ConvexError
// carries its data (errorData); any other error is a message only, since sending errorData:null
// would turn it into a ConvexError on the client.
import { convexToJson, type JSONValue, type Value } from "convex/values";

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

export function describeFailure(error: unknown, requestId: string): FunctionFailure {
  if (isConvexError(error)) {
    return { errorMessage: error.message, errorData: convexToJson(error.data) };
  }
  if (error instanceof ArgumentValidationError || error instanceof FunctionNotFoundError) {
    return { errorMessage: `[Request ID: ${requestId}] Server Error\n${error.name === "Error" ? "" : `${error.name}: `}${error.message}` };
  }
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  return { errorMessage: `[Request ID: ${requestId}] Server Error\nUncaught ${name}: ${message}` };
}
