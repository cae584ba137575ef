import type { Doc } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
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

/** The visitor for (workspace, sessionId), created on first boot and refreshed on later ones. */
export async function upsertVisitorOnBoot(
  db: DatabaseWriter,
  workspace: Doc<"workspaces">,
  details: BootDetails,
  now: number,
): Promise<Doc<"visitors">> {
  const existing = await db
    .query("visitors")
    .withIndex("by_workspace_session", (q) => q.eq("workspaceId", workspace._id).eq("sessionId", details.sessionId))
    .unique();
  const presence = {
    lastSeenAt: now,
    ...(details.device ? { device: details.device } : {}),
    ...(details.url !== undefined ? { lastPageUrl: details.url } : {}),
  };
  if (existing !== null) {
    const identity = details.claims ? applyClaims(existing, details.claims) : {};
    await db.patch("visitors", existing._id, { ...identity, ...presence });
    return (await db.get("visitors", existing._id)) ?? existing;
  }
  const anonymous = { identified: false, verified: false };
  const id = await db.insert("visitors", {
    workspaceId: workspace._id,
    sessionId: details.sessionId,
    ...(details.claims ? applyClaims(anonymous, details.claims) : anonymous),
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
