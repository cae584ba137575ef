import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { action, internalQuery } from "./_generated/server";
import { sha256Hex, toBase64Url, randomBytes } from "./lib/crypto";
import { invalidArgument } from "./lib/errors";
import { siteUrl } from "./lib/siteUrl";
import { authenticateSession } from "./model/sessions";
import { enforceAddressLimit, enforceRateLimit } from "./model/rateLimits";
import { UPLOAD_PATH } from "./lib/attachmentPaths";

/*
 * Attachments, from the widget's side:
 * 1. `generateUploadUrl` mints a one-time upload URL for this visitor (an action:
 *    the grant in it needs true randomness);
 * 2. the widget POSTs the file there; the HTTP action (attachmentsHttp.ts) decides
 *    the type from the bytes, refuses what is not allowed, stores the file and
 *    answers `{storageId}` as Convex storage does;
 * 3. `saveUpload` names the file and records it for this visitor — only the visitor
 *    whose grant stored it can, so another visitor's storage id is just NOT_FOUND;
 * 4. `messages:send` attaches saved uploads by id.
 * Files not saved within an hour, and uploads never sent within a day, are deleted.
 */

/** How long an upload URL stays usable. */
export const UPLOAD_GRANT_LIFETIME_MS = 10 * 60_000;

export type SavedUpload = { uploadId: Id<"uploads">; name: string; contentType: string; size: number };

export const sessionVisitor = internalQuery({
  args: { sessionToken: v.string() },
  handler: async (ctx, args): Promise<{ visitorId: Id<"visitors">; workspaceId: Id<"workspaces"> }> => {
    const { visitor } = await authenticateSession(ctx.db, args.sessionToken, Date.now());
    return { visitorId: visitor._id, workspaceId: visitor.workspaceId };
  },
});

export const generateUploadUrl = action({
  args: { sessionToken: v.string() },
  handler: async (ctx, args): Promise<{ uploadUrl: string }> => {
    const owner = await ctx.runQuery(internal.files.sessionVisitor, { sessionToken: args.sessionToken });
    // Its own bucket key: uploads never eat into the visitor's message allowance.
    await enforceRateLimit(ctx, "messageSustained", `upload:${owner.visitorId}`);
    await enforceAddressLimit(ctx, "uploadsPerAddress");
    const grant = toBase64Url(randomBytes(32));
    await ctx.runMutation(internal.attachments.storeGrant, {
      ...owner,
      grantHash: await sha256Hex(grant),
      expiresAt: Date.now() + UPLOAD_GRANT_LIFETIME_MS,
    });
    return { uploadUrl: `${siteUrl()}${UPLOAD_PATH}${grant}` };
  },
});

export const saveUpload = action({
  args: { sessionToken: v.string(), storageId: v.string(), name: v.string() },
  handler: async (ctx, args): Promise<SavedUpload> => {
    const owner = await ctx.runQuery(internal.files.sessionVisitor, { sessionToken: args.sessionToken });
    const saved = await ctx.runMutation(internal.attachments.savePending, {
      visitorId: owner.visitorId,
      storageId: args.storageId,
      name: args.name,
    });
    if ("refused" in saved) throw invalidArgument("file", saved.refused);
    return saved;
  },
});
