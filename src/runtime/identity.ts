import type { UserIdentity } from "../sdk/types";

/**
 * Whether `next` names another user than `current`. Only two user ids can differ: adding a
 * user id to an anonymous visitor is a login (the visitor's conversations come along), and
 * an identify without a user id only updates attributes.
 */
export function isDifferentUser(current: UserIdentity | undefined, next: UserIdentity): boolean {
  return current?.userId !== undefined && next.userId !== undefined && current.userId !== next.userId;
}

/**
 * The `exp` of a JWT in milliseconds, read without verifying (the server verifies), or
 * null when the token has none or is not a JWT.
 */
export function jwtExpiresAt(jwt: string): number | null {
  const payload = jwt.split(".")[1];
  if (payload === undefined) return null;
  try {
    // atob accepts unpadded base64 ("forgiving-base64 decode"); base64url needs - and _ mapped.
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
    const exp = typeof claims === "object" && claims !== null ? (claims as { exp?: unknown }).exp : undefined;
    return typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * What a re-boot (after the session token expired) sends as the user. The first boot
 * verified the user already, and the visitor stays verified for its sessionId; a JWT
 * minted for the page load has usually expired by then and would get the visitor refused.
 * So an expired JWT is left out, and the re-boot lands on the same visitor by its sessionId.
 */
export function userForReboot(user: UserIdentity | undefined, now: number): UserIdentity | undefined {
  if (user?.userJwt === undefined) return user;
  const expiresAt = jwtExpiresAt(user.userJwt);
  return expiresAt !== null && expiresAt <= now ? undefined : user;
}
