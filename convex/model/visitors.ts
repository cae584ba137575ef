import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { appError } from "../lib/errors";
import { applyClaims, type IdentityClaims } from "../lib/visitorIdentity";
import type { Device } from "../lib/validators";

/**
 * Every query a widget runs reads the visitor document, so each write to it
 * re-runs all of that visitor's subscriptions. Presence is therefore recorded
 * at most once per this interval.
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export type BootDetails = {
  sessionId: string;
  device?: Device;
  referrer?: string;
  url?: string;
  claims?: IdentityClaims;
};

/** The oldest visitor whose user id was verified as `userId`: the one that user resumes. */
export async function findVerifiedVisitor(
  db: DatabaseReader,
  workspaceId: Id<"workspaces">,
  userId: string,
): Promise<Doc<"visitors"> | null> {
  return await db
    .query("visitors")
    .withIndex("by_workspace_user_verified", (q) =>
      q.eq("workspaceId", workspaceId).eq("userId", userId).eq("verified", true),
    )
    .first();
}

/**
 * A visitor never changes user: re-labelling it would hand the previous user's
 * conversations to the new one. The widget answers IDENTITY_CHANGED by logging
 * out and booting a fresh visitor.
 */
export function assertSameUser(visitor: Doc<"visitors">, claims: IdentityClaims | undefined): void {
  if (claims?.userId !== undefined && visitor.userId !== undefined && claims.userId !== visitor.userId) {
    throw appError("IDENTITY_CHANGED", "This visitor belongs to another user; log out and boot a new visitor.");
  }
}

/**
 * The visitor a boot lands on:
 * 1. with a verified user id that already has a verified visitor, that visitor
 *    (so a user's conversations follow them to other browsers; never on an
 *    unverified claim, which anyone could make);
 * 2. otherwise the unverified visitor of (workspace, sessionId), refreshed —
 *    refused with IDENTITY_CHANGED when it belongs to another user;
 * 3. otherwise a new visitor.
 * A verified visitor is reached only with a proof, never by its sessionId alone:
 * after a logout, or in another tab whose proof has expired, the same sessionId
 * boots a new anonymous visitor instead of the user's conversations.
 */
export async function upsertVisitorOnBoot(
  db: DatabaseWriter,
  workspace: Doc<"workspaces">,
  details: BootDetails,
  now: number,
  hooks: { beforeInsert?: () => Promise<void> } = {},
): Promise<Doc<"visitors">> {
  const { claims } = details;
  const onSession = await db
    .query("visitors")
    .withIndex("by_workspace_session", (q) => q.eq("workspaceId", workspace._id).eq("sessionId", details.sessionId))
    .collect();
  const presence = {
    lastSeenAt: now,
    ...(details.device ? { device: details.device } : {}),
    ...(details.url !== undefined ? { lastPageUrl: details.url } : {}),
  };
  const provenUserId = claims?.verified === true ? claims.userId : undefined;
  const unverified = onSession.find((visitor) => !visitor.verified) ?? null;
  const target =
    provenUserId === undefined ? unverified : ((await findVerifiedVisitor(db, workspace._id, provenUserId)) ?? unverified);
  if (target !== null) {
    assertSameUser(target, claims);
    await db.patch("visitors", target._id, { ...(claims ? applyClaims(target, claims) : {}), ...presence });
    return (await db.get("visitors", target._id)) ?? target;
  }
  // The browser's verified visitor is out of reach without a proof, but it still belongs to its user.
  for (const visitor of onSession) assertSameUser(visitor, claims);
  await hooks.beforeInsert?.();
  const anonymous = { identified: false, verified: false };
  const id = await db.insert("visitors", {
    workspaceId: workspace._id,
    sessionId: details.sessionId,
    ...(claims ? applyClaims(anonymous, claims) : anonymous),
    ...presence,
    // The referrer that brought the visitor the first time is the interesting one.
    ...(details.referrer !== undefined ? { referrer: details.referrer } : {}),
  });
  const created = await db.get("visitors", id);
  if (created === null) throw new Error("Visitor vanished right after insert");
  return created;
}

/** Applies identity claims to a visitor; returns the fields as stored. */
export async function identifyVisitor(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  claims: IdentityClaims,
  now: number,
): Promise<ReturnType<typeof applyClaims>> {
  const identity = applyClaims(visitor, claims);
  await db.patch("visitors", visitor._id, { ...identity, lastSeenAt: now });
  return identity;
}

/** Records presence, unless it was recorded moments ago. */
export async function touchVisitor(db: DatabaseWriter, visitor: Doc<"visitors">, now: number): Promise<void> {
  if (now - visitor.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
    await db.patch("visitors", visitor._id, { lastSeenAt: now });
  }
}
