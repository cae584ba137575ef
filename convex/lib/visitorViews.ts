import type { Doc } from "../_generated/dataModel";

/** A visitor as the REST API shows it: who they are (as claimed or verified) and where they were last. */
export type ApiVisitor = {
  id: string;
  userId: string | null;
  name: string | null;
  email: string | null;
  identified: boolean;
  verified: boolean;
  device: { browser: string; os: string; deviceType: string } | null;
  referrer: string | null;
  lastPageUrl: string | null;
  lastSeenAt: number;
  customAttributes: Record<string, string | number | boolean | null>;
  createdAt: number;
};

export function apiVisitor(visitor: Doc<"visitors">): ApiVisitor {
  return {
    id: visitor._id,
    userId: visitor.userId ?? null,
    name: visitor.name ?? null,
    email: visitor.email ?? null,
    identified: visitor.identified,
    verified: visitor.verified,
    device: visitor.device ?? null,
    referrer: visitor.referrer ?? null,
    lastPageUrl: visitor.lastPageUrl ?? null,
    lastSeenAt: visitor.lastSeenAt,
    customAttributes: (visitor.customAttributes ?? {}) as ApiVisitor["customAttributes"],
    createdAt: visitor._creationTime,
  };
}

/** A satisfaction rating as the REST API shows it. */
export type ApiCsatRating = { id: string; conversationId: string; visitorId: string; rating: number; comment: string | null; createdAt: number };

export function apiCsatRating(row: Doc<"csatRatings">): ApiCsatRating {
  return {
    id: row._id,
    conversationId: row.conversationId,
    visitorId: row.visitorId,
    rating: row.rating,
    comment: row.comment ?? null,
    createdAt: row.createdAt,
  };
}
