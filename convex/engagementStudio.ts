import { v } from "convex/values";
import { internal } from "./_generated/api";
import { action, internalMutation, mutation, query } from "./_generated/server";
import {
  authoringUrl,
  DEFAULT_AUTHORING_TTL_MINUTES,
  generateAuthoringToken,
  generatePreviewToken,
  previewUrl,
} from "./lib/authoringTokens";
import { sha256Hex } from "./lib/crypto";
import { contentStatusValidator, contentTypeValidator } from "./lib/engagementValidators";
import { appError } from "./lib/errors";
import type { ApiContent } from "./model/contentAdmin";
import { duplicateItem, getItem, listItems, saveItem, setItemStatus, type StudioRow } from "./model/engagementStudio";
import { requireMember } from "./model/members";
import { storeAuthoringToken, storePreviewToken, websiteUrlOf } from "./model/studioTokens";

/*
 * The inbox's Engagement studio: tours, tooltips, outbound messages, surveys and
 * checklists, for workspace admins only (an agent is FORBIDDEN everywhere here). The
 * work is in model/engagementStudio.ts and model/studioTokens.ts.
 */

const workspace = { workspaceId: v.string() };
const item = { ...workspace, type: contentTypeValidator, id: v.string() };

/** One type's items, most recently changed first; `status` narrows to one. */
export const list = query({
  args: { ...workspace, type: contentTypeValidator, status: v.optional(contentStatusValidator) },
  handler: async (ctx, args): Promise<StudioRow[]> =>
    await listItems(ctx, await requireMember(ctx, args.workspaceId, "admin"), args.type, args.status),
});

/** The item as the REST API shows it; null when it is not (or no longer) there. */
export const get = query({
  args: item,
  handler: async (ctx, args): Promise<ApiContent | null> =>
    await getItem(ctx, await requireMember(ctx, args.workspaceId, "admin"), args.type, args.id),
});

/**
 * Creates (no `id`: a draft unless `fields.status` says otherwise) or updates an item with
 * the whole of its fields. Checked with the REST API's schemas: INVALID_ARGUMENT names the
 * first offending field in `field` and every one in `fields`.
 */
export const save = mutation({
  args: { ...workspace, type: contentTypeValidator, id: v.optional(v.string()), fields: v.any() },
  handler: async (ctx, args): Promise<ApiContent> =>
    await saveItem(ctx, await requireMember(ctx, args.workspaceId, "admin"), args.type, args.id, args.fields),
});

/** A draft copy of the item. */
export const duplicate = mutation({
  args: item,
  handler: async (ctx, args): Promise<ApiContent> =>
    await duplicateItem(ctx, await requireMember(ctx, args.workspaceId, "admin"), args.type, args.id),
});

/** Activate, pause, archive, or back to draft; only `active` items reach visitors. */
export const setStatus = mutation({
  args: { ...item, status: contentStatusValidator },
  handler: async (ctx, args): Promise<ApiContent> =>
    await setItemStatus(ctx, await requireMember(ctx, args.workspaceId, "admin"), args.type, args.id, args.status),
});

export type SiteLink = { url: string; expiresAt: number };

const targetValidator = v.union(
  v.object({ type: v.literal("tourStep"), tourId: v.string(), stepIndex: v.number() }),
  v.object({ type: v.literal("tooltip"), tooltipId: v.string() }),
);

/**
 * "Pick on site": the website address with a fresh authoring token for a tour step or a
 * tooltip. The widget's picker there saves the chosen selector (authoring:saveSelector).
 * An action, because the token needs true randomness; the admin check runs in the mutation.
 */
export const pickOnSite = action({
  args: { ...workspace, target: targetValidator },
  handler: async (ctx, args): Promise<SiteLink> => {
    const token = generateAuthoringToken();
    const stored = await ctx.runMutation(internal.engagementStudio.storePickToken, { ...args, tokenHash: await sha256Hex(token) });
    return { url: authoringUrl(stored.websiteUrl, token), expiresAt: stored.expiresAt };
  },
});

/** Runs with the caller's identity (actions pass it on), so the admin check is the caller's. */
export const storePickToken = internalMutation({
  args: { ...workspace, target: targetValidator, tokenHash: v.string() },
  handler: async (ctx, args): Promise<{ websiteUrl: string; expiresAt: number }> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const stored = await storeAuthoringToken(ctx, workspaceId, args.tokenHash, DEFAULT_AUTHORING_TTL_MINUTES, args.target);
    if (stored === null) throw appError("NOT_FOUND", "No such item.", "target");
    return { websiteUrl: await websiteUrlOf(ctx.db, workspaceId), ...stored };
  },
});

/** "Preview": the website address with a preview token that shows the item whatever its status and audience. */
export const preview = action({
  args: item,
  handler: async (ctx, args): Promise<SiteLink> => {
    const token = generatePreviewToken();
    const stored = await ctx.runMutation(internal.engagementStudio.storePreview, { ...args, tokenHash: await sha256Hex(token) });
    return { url: previewUrl(stored.websiteUrl, token), expiresAt: stored.expiresAt };
  },
});

export const storePreview = internalMutation({
  args: { ...item, tokenHash: v.string() },
  handler: async (ctx, args): Promise<{ websiteUrl: string; expiresAt: number }> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId, "admin");
    const stored = await storePreviewToken(ctx, workspaceId, args.tokenHash, args.type, args.id);
    if (stored === null) throw appError("NOT_FOUND", "No such item.", "id");
    return { websiteUrl: await websiteUrlOf(ctx.db, workspaceId), ...stored };
  },
});
