/**
 * Who may sign tokens for this deployment: Convex Auth itself, whose issuer is the
 * deployment's site URL (Convex sets CONVEX_SITE_URL) and whose keys it serves at
 * /.well-known/jwks.json. Every operator function reads `ctx.auth.getUserIdentity()`.
 */
export default {
  providers: [{ domain: process.env.CONVEX_SITE_URL, applicationID: "convex" }],
};
