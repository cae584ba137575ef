/**
 * The engagement content types, named as their tables and as the inbox's studio routes
 * (`#/engagement/tours`). Only `active` items ever reach visitors.
 */
export const CONTENT_TYPES = ["tours", "tooltips", "outboundMessages", "surveys", "checklists"] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const CONTENT_STATUSES = ["draft", "active", "paused", "archived"] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export function isContentType(value: string): value is ContentType {
  return (CONTENT_TYPES as readonly string[]).includes(value);
}
