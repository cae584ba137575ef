import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, MutationCtx } from "../_generated/server";
import { PREVIEW_TOKEN_PREFIX, PREVIEW_TTL_MINUTES } from "../lib/authoringTokens";
import { sha256Hex } from "../lib/crypto";
import {
  widgetChecklist,
  widgetOutboundMessage,
  widgetSurvey,
  widgetTooltip,
  widgetTour,
} from "../lib/engagementViews";
import type { AuthoringTarget } from "../lib/engagementValidators";
import { appError, invalidArgument } from "../lib/errors";
import { findInWorkspace, type ContentTable } from "./engagement";

/*
 * The links the studio opens on the workspace's website: authoring tokens for the
 * selector picker (authoring.ts reads them) and preview tokens, which show one item
 * whatever its status and audience. Tokens are random, made in an action; only their
 * SHA-256 is stored here.
 */

export type AuthoringTargetArgs =
  | { type: "tourStep"; tourId: string; stepIndex: number }
  | { type: "tooltip"; tooltipId: string };

/** Stores an authoring token's hash for a target of the workspace; null when the target does not exist. */
export async function storeAuthoringToken(
  ctx: MutationCtx,
  workspaceId: Id<"workspaces">,
  tokenHash: string,
  ttlMinutes: number,
  requested: AuthoringTargetArgs,
): Promise<{ expiresAt: number } | null> {
  let target: AuthoringTarget;
  if (requested.type === "tooltip") {
    const tooltip = await findInWorkspace(ctx.db, "tooltips", workspaceId, requested.tooltipId);
    if (tooltip === null) return null;
    target = { type: "tooltip", tooltipId: tooltip._id };
  } else {
    const tour = await findInWorkspace(ctx.db, "tours", workspaceId, requested.tourId);
    if (tour === null) return null;
    if (requested.stepIndex >= tour.steps.length) {
      throw invalidArgument("target.stepIndex", `This tour has ${tour.steps.length} steps (0 to ${tour.steps.length - 1}).`);
    }
    target = { type: "tourStep", tourId: tour._id, stepIndex: requested.stepIndex };
  }
  const now = Date.now();
  const expiresAt = now + ttlMinutes * 60_000;
  await ctx.db.insert("authoringTokens", { workspaceId, tokenHash, target, expiresAt, createdAt: now });
  return { expiresAt };
}

/** The website the studio's links open; INVALID_ARGUMENT `websiteUrl` until one is set. */
export async function websiteUrlOf(db: DatabaseReader, workspaceId: Id<"workspaces">): Promise<string> {
  const workspace = await db.get(workspaceId);
  if (workspace?.websiteUrl === undefined) {
    throw invalidArgument("websiteUrl", "Set your website address in Settings → Widget installation first.");
  }
  return workspace.websiteUrl;
}

export async function storePreviewToken(
  ctx: MutationCtx,
  workspaceId: Id<"workspaces">,
  tokenHash: string,
  contentType: ContentTable,
  contentId: string,
): Promise<{ expiresAt: number } | null> {
  const doc = await findInWorkspace(ctx.db, contentType, workspaceId, contentId);
  if (doc === null) return null;
  const now = Date.now();
  const expiresAt = now + PREVIEW_TTL_MINUTES * 60_000;
  await ctx.db.insert("previewTokens", { workspaceId, tokenHash, contentType, contentId: doc._id, expiresAt, createdAt: now });
  return { expiresAt };
}

/** The overlay kind that shows each content type in the widget. */
const KIND_OF = { tours: "tour", tooltips: "tooltip", outboundMessages: "outbound", surveys: "survey", checklists: "checklist" } as const;

export type PreviewItem = { kind: (typeof KIND_OF)[ContentTable]; item: unknown };

function widgetView(type: ContentTable, doc: Doc<ContentTable>, now: number): unknown {
  switch (type) {
    case "tours":
      return widgetTour(doc as Doc<"tours">, null, now);
    case "tooltips": {
      const tooltip = doc as Doc<"tooltips">;
      return tooltip.selector === undefined ? null : widgetTooltip({ ...tooltip, selector: tooltip.selector });
    }
    case "outboundMessages":
      return widgetOutboundMessage(doc as Doc<"outboundMessages">);
    case "surveys":
      return widgetSurvey(doc as Doc<"surveys">);
    case "checklists":
      return widgetChecklist(doc as Doc<"checklists">, null);
  }
}

const invalidPreview = () => appError("AUTHORING_TOKEN_INVALID", "This preview link is not valid. Open the preview again from the editor.");

/**
 * The item a preview token shows, as the widget's live query would serve it, live (an
 * edit in the studio reaches the preview). It reads only: a preview records nothing.
 */
export async function previewItem(db: DatabaseReader, token: string, now: number): Promise<PreviewItem> {
  if (!token.startsWith(PREVIEW_TOKEN_PREFIX) || token.length > 200) throw invalidPreview();
  const tokenHash = await sha256Hex(token);
  const row = await db.query("previewTokens").withIndex("by_token_hash", (q) => q.eq("tokenHash", tokenHash)).unique();
  if (row === null) throw invalidPreview();
  if (now >= row.expiresAt) throw appError("AUTHORING_TOKEN_EXPIRED", "This preview link has expired. Open the preview again from the editor.");
  const doc = await findInWorkspace(db, row.contentType, row.workspaceId, row.contentId);
  const item = doc === null ? null : widgetView(row.contentType, doc, now);
  if (item === null) throw invalidPreview();
  return { kind: KIND_OF[row.contentType], item };
}
