// Runs one HTTP action the way convex-test's `t.fetch` does, but with the request as it
// arrived (real URL, method, headers, body), the caller's identity, and request metadata of
// our own so its work is told apart from other requests.
import { httpActionGeneric } from "convex/server";
import type { UserIdentity } from "./auth";
import type { ConvexGlobal, ConvexTestInternals, RequestMetadata } from "./internals";

export function invokeHttpAction(options: {
  internals: ConvexTestInternals;
  global: ConvexGlobal;
  handler: unknown;
  request: Request;
  metadata: RequestMetadata;
  identity: UserIdentity | null;
}): Promise<Response> {
  const { internals, global, handler, request, metadata, identity } = options;
  const auth = new internals.AuthFake(identity, null);
  return internals.convexGlobalStorage.run(global, () => {
    const calls = internals.withAuth(auth);
    const action = httpActionGeneric((ctx, req) =>
      internals.runWithGlobalOverrides({}, () =>
        internals.getHandler(handler)({ ...ctx, runQuery: calls.query, runMutation: calls.mutation, runAction: calls.action, auth }, req),
      ) as Promise<Response>,
    ) as unknown as { invokeHttpAction(request: Request): Promise<Response> };
    const httpContext = { componentPath: "", udfPath: "http", udfType: "http", depth: 0, paginatedQueries: 0 };
    return internals.executionContextStorage.run(httpContext, () =>
      internals.requestMetadataStorage.run(metadata, () => action.invokeHttpAction(request)),
    );
  });
}
