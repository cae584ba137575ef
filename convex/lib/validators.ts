import { v, type Infer } from "convex/values";

/** Argument/field validators shared by the schema and several modules. */

export const launcherPositionValidator = v.union(v.literal("left"), v.literal("right"));

export const tabIdValidator = v.union(
  v.literal("home"),
  v.literal("messages"),
  v.literal("help"),
  v.literal("tickets"),
  v.literal("tasks"),
  v.literal("tours"),
);

export const messengerTabValidator = v.object({
  id: tabIdValidator,
  enabled: v.boolean(),
  visibleTo: v.union(v.literal("all"), v.literal("visitors"), v.literal("users")),
});

/**
 * Identity verification: `off` ignores userHash/userJwt; `optional` verifies them
 * when given (a bad one is refused); `required` refuses any user id without one.
 */
export const identityModeValidator = v.union(v.literal("off"), v.literal("optional"), v.literal("required"));

export const deviceValidator = v.object({
  browser: v.string(),
  os: v.string(),
  deviceType: v.string(),
  /** The browser's language (BCP 47, `navigator.language`). */
  locale: v.optional(v.string()),
  /** The IANA time zone the browser reports. */
  timeZone: v.optional(v.string()),
});

/** Flat key/value bags (custom attributes, event properties): scalars only. */
export const attributesValidator = v.record(
  v.string(),
  v.union(v.string(), v.number(), v.boolean(), v.null()),
);

/**
 * What a host page may say about its signed-in user. `userHash` (hex
 * HMAC-SHA256 of userId) or `userJwt` (HS256) prove it; see lib/identity.ts.
 */
/** The company a user belongs to, as the host page describes it; `id` is the host's own. */
export const companyInputValidator = v.object({
  id: v.string(),
  name: v.optional(v.string()),
  plan: v.optional(v.string()),
  size: v.optional(v.number()),
  website: v.optional(v.string()),
  industry: v.optional(v.string()),
  customAttributes: v.optional(attributesValidator),
});

export const userInputValidator = v.object({
  userId: v.optional(v.string()),
  email: v.optional(v.string()),
  name: v.optional(v.string()),
  userHash: v.optional(v.string()),
  userJwt: v.optional(v.string()),
  customAttributes: v.optional(attributesValidator),
  company: v.optional(companyInputValidator),
});

export type MessengerTab = Infer<typeof messengerTabValidator>;
export type Device = Infer<typeof deviceValidator>;
export type Attributes = Infer<typeof attributesValidator>;
export type UserInput = Infer<typeof userInputValidator>;
export type CompanyInput = Infer<typeof companyInputValidator>;
export type IdentityMode = Infer<typeof identityModeValidator>;

/** An event's kind: the widget's page view or presence beat, or the site's own event. */
export const eventKindValidator = v.union(v.literal("page"), v.literal("presence"), v.literal("custom"));
