import type { ConvexClient } from "convex/browser";
import { getFunctionName, type FunctionArgs, type FunctionReference, type FunctionReturnType } from "convex/server";
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { AuthSession } from "./session";

export type InboxServices = { client: ConvexClient; auth: AuthSession };

export const Services = createContext<InboxServices | null>(null);

export function useServices(): InboxServices {
  const services = useContext(Services);
  if (services === null) throw new Error("useServices outside <Services.Provider>");
  return services;
}

export type QueryState<T> = { data: T | undefined; error: Error | null };

/**
 * A live query: the value the server pushes over the socket (no polling), undefined until
 * the first result. "skip" subscribes to nothing.
 */
export function useQuery<Query extends FunctionReference<"query">>(
  query: Query,
  args: FunctionArgs<Query> | "skip",
): QueryState<FunctionReturnType<Query>> {
  const { client } = useServices();
  const [state, setState] = useState<QueryState<FunctionReturnType<Query>>>({ data: undefined, error: null });
  // `api.x.y` is a new proxy on every access: key on the name and the arguments' content.
  const key = args === "skip" ? "skip" : `${getFunctionName(query)}:${JSON.stringify(args)}`;
  useEffect(() => {
    if (args === "skip") {
      setState({ data: undefined, error: null });
      return;
    }
    return client.onUpdate(
      query,
      args,
      (data) => setState({ data, error: null }),
      (error) => setState((previous) => ({ data: previous.data, error })),
    );
    // `key` stands for `query` and `args`.
  }, [client, key]);
  return state;
}

/** The message of a failed call, preferring the server's own for expected failures. */
export function errorMessage(error: unknown): string {
  const data = (error as { data?: { message?: unknown } } | null)?.data;
  if (typeof data?.message === "string") return data.message;
  const message = error instanceof Error ? error.message : String(error);
  // Convex Auth reports wrong credentials as a bare error; say it in words.
  if (/InvalidSecret|InvalidAccountId|Invalid credentials/.test(message)) return "That email and password do not match.";
  if (/TooManyFailedAttempts/.test(message)) return "Too many failed attempts. Try again later.";
  return message.replace(/^\[CONVEX [^\]]+\]\s*(\[Request ID: [^\]]+\]\s*)?(Server Error\s*)?(Uncaught \w+: )?/, "").split("\n")[0] ?? message;
}
