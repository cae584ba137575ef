import { v, type Infer } from "convex/values";

/*
 * Field validators of the messenger's own features: workspace look and
 * availability, the help center, tickets, attachments and typing. The REST
 * layer validates with zod first and names the offending field; these are the
 * database's last line.
 */

export const themeValidator = v.union(v.literal("light"), v.literal("dark"), v.literal("system"));

/** One opening interval: `day` 0 = Sunday … 6 = Saturday, times "HH:MM" in the schedule's time zone. */
export const openingIntervalValidator = v.object({ day: v.number(), open: v.string(), close: v.string() });

export const officeHoursValidator = v.object({
  /** IANA zone, e.g. "Europe/Paris". */
  timeZone: v.string(),
  intervals: v.array(openingIntervalValidator),
});

export const replyTimeValidator = v.union(v.literal("minutes"), v.literal("hours"), v.literal("day"));

export const homeCardValidator = v.object({
  title: v.string(),
  body: v.optional(v.string()),
  /** An absolute http(s) link opened in a new tab. */
  url: v.optional(v.string()),
});

/** Optional messenger settings beyond the core ones, spread into `workspaces.messenger`. */
export const messengerExtraFields = {
  /** @default "light" */
  theme: v.optional(themeValidator),
  /** Absent: the team counts as always available. */
  officeHours: v.optional(officeHoursValidator),
  /** @default "hours" */
  replyTime: v.optional(replyTimeValidator),
  /** Shown on Home and in conversations while the team is away. */
  offlineMessage: v.optional(v.string()),
  homeCards: v.optional(v.array(homeCardValidator)),
  /** The tab the messenger opens on when it is visible; else the first visible tab. */
  defaultTab: v.optional(v.string()),
};

export const articleStatusValidator = v.union(v.literal("draft"), v.literal("published"));

export const ticketFieldTypeValidator = v.union(
  v.literal("text"),
  v.literal("textarea"),
  v.literal("email"),
  v.literal("select"),
);

export const ticketFieldValidator = v.object({
  id: v.string(),
  label: v.string(),
  type: ticketFieldTypeValidator,
  required: v.boolean(),
  /** `select` only: the choices. */
  options: v.optional(v.array(v.string())),
});

export const ticketStateValidator = v.union(
  v.literal("submitted"),
  v.literal("in_progress"),
  v.literal("waiting_on_customer"),
  v.literal("resolved"),
  v.literal("cancelled"),
);

export const ticketHistoryEntryValidator = v.object({
  state: ticketStateValidator,
  at: v.number(),
  /** A note the agent left with the change, shown to the visitor. */
  note: v.optional(v.string()),
});

export const attachmentValidator = v.object({
  storageId: v.id("_storage"),
  name: v.string(),
  contentType: v.string(),
  size: v.number(),
});

export const typingActorValidator = v.union(v.literal("visitor"), v.literal("agent"));

export type Theme = Infer<typeof themeValidator>;
export type OfficeHours = Infer<typeof officeHoursValidator>;
export type HomeCard = Infer<typeof homeCardValidator>;
export type TicketField = Infer<typeof ticketFieldValidator>;
export type TicketState = Infer<typeof ticketStateValidator>;
export type Attachment = Infer<typeof attachmentValidator>;
