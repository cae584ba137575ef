// The widget's socket never authenticates (every call carries the visitor's session token), so
// the runtime build swaps the Convex client's authentication manager and JWT decoder for
// src/runtime/convex/no-auth.ts: 2.5 KB gzip less before the messenger opens. Only the runtime
// build: the npm package entry keeps the full client for bundler users.
// test/unit/scripts/convex-without-auth.test.ts checks the client still uses no more of them.
import { resolve } from "node:path";
import type { Plugin } from "vite";

/** What `convex/dist/esm/browser/sync/client.js` imports that the stand-in replaces. */
export const CONVEX_AUTH_IMPORTS = ["./authentication_manager.js", "../../vendor/jwt-decode/index.js"];
export const CONVEX_CLIENT_MODULE = "convex/dist/esm/browser/sync/client.js";
export const NO_AUTH_MODULE = "src/runtime/convex/no-auth.ts";

export function convexWithoutAuth(): Plugin {
  return {
    name: "opencom-convex-without-auth",
    enforce: "pre",
    resolveId(source, importer) {
      const fromClient = importer?.replaceAll("\\", "/").endsWith(`/${CONVEX_CLIENT_MODULE}`);
      return fromClient && CONVEX_AUTH_IMPORTS.includes(source) ? resolve(NO_AUTH_MODULE) : null;
    },
  };
}
