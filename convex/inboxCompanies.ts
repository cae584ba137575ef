import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { query } from "./_generated/server";
import type { Attributes } from "./lib/validators";
import { appError } from "./lib/errors";
import { visitorDisplayName } from "./lib/visitorNames";
import { requireMember } from "./model/members";
import { checkRecentListArgs, matching, RECENT_SEARCH_WINDOW } from "./lib/recentSearch";

/* The inbox's Contacts, by company: the companies identify named, and each one's people. */

const PEOPLE_MAX = 100;

export type CompanyView = {
  _id: Id<"companies">;
  /** The host's own id for it: what custom apps receive as `companyId`. */
  externalId: string;
  name: string;
  plan: string | null;
  size: number | null;
  website: string | null;
  industry: string | null;
  customAttributes: Attributes;
  lastSeenAt: number;
};

export function companyView(company: Doc<"companies">): CompanyView {
  return {
    _id: company._id,
    externalId: company.externalId,
    name: company.name ?? company.externalId,
    plan: company.plan ?? null,
    size: company.size ?? null,
    website: company.website ?? null,
    industry: company.industry ?? null,
    customAttributes: company.customAttributes ?? {},
    lastSeenAt: company.lastSeenAt,
  };
}

/** Most recently seen first; `search` matches part of the name or the host's id. */
export const list = query({
  args: { workspaceId: v.string(), search: v.string(), limit: v.number() },
  handler: async (ctx, args): Promise<CompanyView[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const needle = checkRecentListArgs(args.limit, args.search);
    const recent = ctx.db
      .query("companies")
      .withIndex("by_workspace_last_seen", (q) => q.eq("workspaceId", workspaceId))
      .order("desc");
    if (needle === "") return (await recent.take(args.limit)).map(companyView);
    return matching((await recent.take(RECENT_SEARCH_WINDOW)).map(companyView), needle, (company) => [company.name, company.externalId], args.limit);
  },
});

export type CompanyPerson = { _id: Id<"visitors">; name: string; email: string | null; verified: boolean; lastSeenAt: number };

/** A company's people, most recently seen first. */
export const people = query({
  args: { workspaceId: v.string(), companyId: v.string() },
  handler: async (ctx, args): Promise<CompanyPerson[]> => {
    const { workspaceId } = await requireMember(ctx, args.workspaceId);
    const id = ctx.db.normalizeId("companies", args.companyId);
    const company = id === null ? null : await ctx.db.get("companies", id);
    if (company === null || company.workspaceId !== workspaceId) throw appError("NOT_FOUND", "Company not found.", "companyId");
    const visitors = await ctx.db
      .query("visitors")
      .withIndex("by_company", (q) => q.eq("companyId", company._id))
      .take(PEOPLE_MAX);
    return visitors
      .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
      .map((visitor) => ({ _id: visitor._id, name: visitorDisplayName(visitor, visitor._id), email: visitor.email ?? null, verified: visitor.verified, lastSeenAt: visitor.lastSeenAt }));
  },
});
