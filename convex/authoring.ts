import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { internalMutation, mutation, query, type DatabaseReader } from "./_generated/server";
import { AUTHORING_TOKEN_PREFIX } from "./lib/authoringTokens";
import { sha256Hex } from "./lib/crypto";
import { appError, invalidArgument } from "./lib/errors";
import { findInWorkspace } from "./model/engagement";
import { previewItem, storeAuthoringToken, type PreviewItem } from "./model/studioTokens";

/*
 * Authoring tokens for the WYSIWYG selector picker. An admin mints one through
 * REST (POST /api/v1/authoring-tokens) or the inbox's studio ("Pick on site"): the
 * random token is made in an action, only its SHA-256 is stored; the widget, opened in authoring
 * mode on the customer's page, calls `describe` to learn what is being edited
 * and `saveSelector` to store the element the author picked. The token is the
 * only credential these two take; it expires after ttlMinutes (default 30).
 */

const SELECTOR_MAX = 500;
const TOKEN_MAX = 200;

export type AuthoringDescription = {
  expiresAt: number;
  target:
    | {
        type: "tourStep";
        tourId: Id<"tours">;
        tourName: string;
        stepIndex: number;
        stepCount: number;
        step: { kind: "modal" | "pointer"; title: string; selector: string | null };
      }
    | { type: "tooltip"; tooltipId: Id<"tooltips">; name: string; title: string | null; selector: string | null };
};

type Resolved =
  | { type: "tourStep"; row: Doc<"authoringTokens">; tour: Doc<"tours">; stepIndex: number }
  | { type: "tooltip"; row: Doc<"authoringTokens">; tooltip: Doc<"tooltips"> };

const invalidToken = () => appError("AUTHORING_TOKEN_INVALID", "This authoring link is not valid. Start again from the editor.");

async function resolveToken(db: DatabaseReader, token: string, now: number): Promise<Resolved> {
  if (!token.startsWith(AUTHORING_TOKEN_PREFIX) || token.length > TOKEN_MAX) throw invalidToken();
  const tokenHash = await sha256Hex(token);
  const row = await db
    .query("authoringTokens")
    .withIndex("by_token_hash", (q) => q.eq("tokenHash", tokenHash))
    .unique();
  if (row === null) throw invalidToken();
  if (now >= row.expiresAt) {
    throw appError("AUTHORING_TOKEN_EXPIRED", "This authoring link has expired. Start again from the editor.");
  }
  const { target } = row;
  if (target.type === "tooltip") {
    const tooltip = await findInWorkspace(db, "tooltips", row.workspaceId, target.tooltipId);
    if (tooltip === null) throw invalidToken();
    return { type: "tooltip", row, tooltip };
  }
  const tour = await findInWorkspace(db, "tours", row.workspaceId, target.tourId);
  if (tour === null || target.stepIndex >= tour.steps.length) throw invalidToken();
  return { type: "tourStep", row, tour, stepIndex: target.stepIndex };
}

function describeResolved(resolved: Resolved): AuthoringDescription {
  const expiresAt = resolved.row.expiresAt;
  if (resolved.type === "tooltip") {
    const { tooltip } = resolved;
    return {
      expiresAt,
      target: {
        type: "tooltip",
        tooltipId: tooltip._id,
        name: tooltip.name,
        title: tooltip.title ?? null,
        selector: tooltip.selector ?? null,
      },
    };
  }
  const { tour, stepIndex } = resolved;
  const step = tour.steps[stepIndex];
  if (step === undefined) throw invalidToken();
  return {
    expiresAt,
    target: {
      type: "tourStep",
      tourId: tour._id,
      tourName: tour.name,
      stepIndex,
      stepCount: tour.steps.length,
      step: { kind: step.kind, title: step.title, selector: step.selector ?? null },
    },
  };
}

/** What the token lets the picker edit; AUTHORING_TOKEN_INVALID / AUTHORING_TOKEN_EXPIRED otherwise. */
export const describe = query({
  args: { authoringToken: v.string() },
  handler: async (ctx, args): Promise<AuthoringDescription> =>
    describeResolved(await resolveToken(ctx.db, args.authoringToken, Date.now())),
});

/**
 * Stores the picked selector on the token's target. Saving one on a modal tour
 * step turns it into a pointer step: picking an anchor means pointing at it.
 */
export const saveSelector = mutation({
  args: { authoringToken: v.string(), selector: v.string() },
  handler: async (ctx, args): Promise<AuthoringDescription> => {
    const now = Date.now();
    const resolved = await resolveToken(ctx.db, args.authoringToken, now);
    const selector = args.selector.trim();
    if (selector === "" || selector.length > SELECTOR_MAX || /[\u0000-\u001f\u007f]/.test(selector)) {
      throw invalidArgument("selector", `selector must be 1 to ${SELECTOR_MAX} printable characters.`);
    }
    if (resolved.type === "tooltip") {
      await ctx.db.patch("tooltips", resolved.tooltip._id, { selector, updatedAt: now });
    } else {
      const steps = resolved.tour.steps.map((step, index) =>
        index === resolved.stepIndex ? { ...step, selector, kind: "pointer" as const } : step,
      );
      await ctx.db.patch("tours", resolved.tour._id, { steps, updatedAt: now });
    }
    await ctx.db.patch("authoringTokens", resolved.row._id, { lastUsedAt: now });
    return describeResolved(await resolveToken(ctx.db, args.authoringToken, now));
  },
});

/**
 * REST: stores a freshly minted token's hash for a target of the workspace.
 * Null when the target does not exist; INVALID_ARGUMENT for a step index past
 * the tour's end.
 */
export const createToken = internalMutation({
  args: {
    workspaceId: v.id("workspaces"),
    tokenHash: v.string(),
    ttlMinutes: v.number(),
    target: v.union(
      v.object({ type: v.literal("tourStep"), tourId: v.string(), stepIndex: v.number() }),
      v.object({ type: v.literal("tooltip"), tooltipId: v.string() }),
    ),
  },
  handler: async (ctx, args): Promise<{ expiresAt: number } | null> =>
    await storeAuthoringToken(ctx, args.workspaceId, args.tokenHash, args.ttlMinutes, args.target),
});

/**
 * Preview links (`#opencom-preview=<token>`, minted by the studio): the item to show,
 * whatever its status and audience, live. The widget records no progress, impression or
 * answer while previewing; this query writes nothing either.
 */
export const preview = query({
  args: { previewToken: v.string() },
  handler: async (ctx, args): Promise<PreviewItem> => await previewItem(ctx.db, args.previewToken, Date.now()),
});
