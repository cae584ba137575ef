/*
 * Stand-ins for the Convex client's authentication code in the widget's build
 * (scripts/build/convex-without-auth.ts swaps them in for the modules
 * `convex/dist/esm/browser/sync/client.js` imports). The widget
 * never authenticates its socket: every call carries the visitor's session token as an
 * argument, so `setAuth` is never called, and the manager's token fetching, refreshing and
 * JWT decoding (2.5 KB gzip before the messenger opens) would never run. Without setAuth the
 * real manager stays in its "noAuth" state, where a Transition or an AuthError changes
 * nothing but a log line; this does the same.
 * test/unit/scripts/convex-without-auth.test.ts checks that the client uses nothing else of
 * them, so a Convex upgrade that starts to fails that test, not the widget.
 */
export class AuthenticationManager {
  onTransition(): void {}
  onAuthError(): void {}
  stop(): void {}
  setConfig(): Promise<void> {
    return Promise.reject(new Error("[OpencomWidget] the widget's Convex client does not authenticate its socket"));
  }
}

/** Only getCurrentAuthClaims decodes a JWT, and it returns before that without auth. */
export function jwtDecode(): never {
  throw new Error("[OpencomWidget] the widget's Convex client does not decode auth tokens");
}
