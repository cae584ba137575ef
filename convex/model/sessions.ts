import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { SESSION_TOKEN_PREFIX, sha256Hex } from "../lib/crypto";
import { appError } from "../lib/errors";
import { revokedByRotation, sessionLifetimeMs, sessionRefusal, tokenExpiry } from "../lib/sessionPolicy";

export type VisitorAuth = {
  session: Doc<"widgetSessions">;
  visitor: Doc<"visitors">;
  workspace: Doc<"workspaces">;
};

const MAX_TOKEN_LENGTH = 200;

export async function findSessionByToken(
  db: DatabaseReader,
  sessionToken: string,
): Promise<Doc<"widgetSessions"> | null> {
  // Anything not shaped like our tokens is refused without touching the database.
  if (!sessionToken.startsWith(SESSION_TOKEN_PREFIX) || sessionToken.length > MAX_TOKEN_LENGTH) return null;
  const tokenHash = await sha256Hex(sessionToken);
  return await db
    .query("widgetSessions")
    .withIndex("by_token_hash", (q) => q.eq("tokenHash", tokenHash))
    .unique();
}

/**
 * Resolves a widget session token to its session, visitor and workspace, or
 * throws UNAUTHENTICATED. The message is the same for every cause so a caller
 * learns nothing about which tokens exist.
 */
export async function authenticateSession(
  db: DatabaseReader,
  sessionToken: string,
  now: number,
): Promise<VisitorAuth> {
  const session = await findSessionByToken(db, sessionToken);
  const refused = () => appError("UNAUTHENTICATED", "Session is missing, expired or revoked; boot again.");
  if (session === null || sessionRefusal(session, now) !== null) throw refused();
  const [visitor, workspace] = await Promise.all([
    db.get("visitors", session.visitorId),
    db.get("workspaces", session.workspaceId),
  ]);
  if (visitor === null || workspace === null || revokedBySecretRotation({ session, visitor, workspace }, now)) throw refused();
  return { session, visitor, workspace };
}

/**
 * A verified visitor's session ends when the secret its proof was made with is
 * rotated away (at once with a grace period of 0): a leaked secret's forgeries stop.
 */
export function revokedBySecretRotation(auth: VisitorAuth, now: number): boolean {
  if (!auth.visitor.verified) return false;
  const provenAt = auth.session.provenAt ?? auth.session.startedAt ?? auth.session.issuedAt;
  return revokedByRotation(provenAt, auth.workspace.provenSessionCutoffs, now);
}

/**
 * A new token. `continues` is the session a refresh replaces: the new token keeps
 * its start (so the absolute lifetime holds across refreshes) and its proof time.
 * `proven`: the boot carried a valid proof of the visitor's identity.
 */
export async function issueSession(
  db: DatabaseWriter,
  args: {
    workspace: Doc<"workspaces">;
    visitorId: Id<"visitors">;
    tokenHash: string;
    now: number;
    continues?: Doc<"widgetSessions">;
    proven?: boolean;
  },
): Promise<Doc<"widgetSessions">> {
  const { workspace, visitorId, tokenHash, now, continues } = args;
  const startedAt = continues === undefined ? now : (continues.startedAt ?? continues.issuedAt);
  const provenAt = continues === undefined ? (args.proven === true ? now : undefined) : continues.provenAt;
  const sessionId = await db.insert("widgetSessions", {
    workspaceId: workspace._id,
    visitorId,
    tokenHash,
    issuedAt: now,
    expiresAt: tokenExpiry(startedAt, sessionLifetimeMs(workspace), now),
    startedAt,
    ...(provenAt !== undefined ? { provenAt } : {}),
  });
  const session = await db.get("widgetSessions", sessionId);
  if (session === null) throw new Error("Session vanished right after insert");
  return session;
}

/** Revokes every live session of a visitor from `now`; returns how many there were. */
export async function revokeVisitorSessions(db: DatabaseWriter, visitorId: Id<"visitors">, now: number): Promise<number> {
  const sessions = await db
    .query("widgetSessions")
    .withIndex("by_visitor", (q) => q.eq("visitorId", visitorId))
    .collect();
  const live = sessions.filter((session) => sessionRefusal(session, now) === null);
  for (const session of live) await db.patch("widgetSessions", session._id, { revokedAt: now });
  return live.length;
}
