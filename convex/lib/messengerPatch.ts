import { z } from "zod";
import { invalidArgument } from "./errors";
import { isValidTimeZone, minutesOfDay, TIME_OF_DAY } from "./officeHoursRules";

/*
 * The rules of a messenger settings change, shared by the REST API
 * (PATCH /api/v1/workspace/messenger) and the inbox's Settings, so both refuse
 * the same input with the same field names.
 */

export const MESSENGER_TAB_IDS = ["home", "messages", "help", "tickets", "tasks", "tours"] as const;

const trimmedText = (max: number) => z.string().trim().min(1).max(max);

const tab = z.strictObject({
  id: z.enum(MESSENGER_TAB_IDS),
  enabled: z.boolean(),
  visibleTo: z.enum(["all", "visitors", "users"]),
});

const tabs = z
  .array(tab)
  .max(MESSENGER_TAB_IDS.length)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", message: `Duplicate tab "${item.id}".`, path: [index, "id"] });
      seen.add(item.id);
      // Messages is always there, for everyone: it is how a visitor reaches the team.
      if (item.id === "messages" && (!item.enabled || item.visibleTo !== "all")) {
        ctx.addIssue({ code: "custom", message: "The messages tab is always enabled and visible to all.", path: [index] });
      }
    });
  });

const interval = z
  .strictObject({
    day: z.number().int().min(0).max(6),
    open: z.string().regex(TIME_OF_DAY, "Use HH:MM."),
    close: z.string().regex(TIME_OF_DAY, "Use HH:MM."),
  })
  .refine((value) => minutesOfDay(value.open) !== minutesOfDay(value.close), { message: "close must differ from open.", path: ["close"] });

const officeHours = z.strictObject({
  timeZone: z.string().refine(isValidTimeZone, "must be an IANA time zone such as Europe/Paris."),
  intervals: z.array(interval).max(28),
});

export const homeCardsSchema = z
  .array(z.strictObject({ title: trimmedText(100), body: trimmedText(300).optional(), url: z.url({ protocol: /^https?$/ }).max(2048).optional() }))
  .max(5);

/** Any subset of the settings; null clears officeHours, offlineMessage and defaultTab. */
export const messengerPatchSchema = z.strictObject({
  primaryColor: z.string().regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, "must be a hex colour such as #4f46e5.").optional(),
  launcherPosition: z.enum(["left", "right"]).optional(),
  greeting: trimmedText(1000).optional(),
  teamName: trimmedText(200).optional(),
  tabs: tabs.optional(),
  theme: z.enum(["light", "dark", "system"]).optional(),
  officeHours: officeHours.nullable().optional(),
  replyTime: z.enum(["minutes", "hours", "day"]).optional(),
  offlineMessage: trimmedText(500).nullable().optional(),
  homeCards: homeCardsSchema.optional(),
  defaultTab: z.enum(MESSENGER_TAB_IDS).nullable().optional(),
});

export type MessengerPatch = z.infer<typeof messengerPatchSchema>;

/** Parses a patch or throws INVALID_ARGUMENT naming the first bad field (e.g. `officeHours.intervals.0.close`). */
export function parseMessengerPatch(input: unknown): MessengerPatch {
  const parsed = messengerPatchSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? "settings" : issue.path.map(String).join(".");
  throw invalidArgument(field, `${field}: ${issue?.message ?? "invalid"}`);
}
