import * as v from "valibot";
import type { OfficeHours } from "./availability";

/** The panel's part of the workspace settings (boot's raw object), parsed leniently: a bad field falls back alone. */
export interface PanelSettings {
  officeHours: OfficeHours | null;
  replyTime: "minutes" | "hours" | "day";
  offlineMessage: string | null;
  homeCards: { title: string; body?: string; url?: string }[];
  defaultTab: string | null;
  /** Up to three operators for Home (who replied last first): names, and avatar URLs when set. */
  team: { name: string; avatarUrl?: string }[];
}

const lenient = <T extends v.GenericSchema>(schema: T) => v.fallback(v.optional(schema), undefined);
const time = v.pipe(v.string(), v.regex(/^\d{2}:\d{2}$/));

const schema = v.looseObject({
  officeHours: lenient(
    v.object({ timeZone: v.string(), intervals: v.array(v.object({ day: v.number(), open: time, close: time })) }),
  ),
  replyTime: lenient(v.picklist(["minutes", "hours", "day"])),
  offlineMessage: lenient(v.string()),
  homeCards: lenient(
    v.array(v.object({ title: v.string(), body: v.exactOptional(v.string()), url: v.exactOptional(v.string()) })),
  ),
  defaultTab: lenient(v.string()),
  team: lenient(v.array(v.object({ name: v.string(), avatarUrl: v.exactOptional(v.string()) }))),
});

export function parsePanelSettings(raw: unknown): PanelSettings {
  const parsed = v.safeParse(schema, raw);
  const data = parsed.success ? parsed.output : {};
  return {
    officeHours: data.officeHours ?? null,
    replyTime: data.replyTime ?? "hours",
    offlineMessage: data.offlineMessage ?? null,
    homeCards: data.homeCards ?? [],
    defaultTab: data.defaultTab ?? null,
    team: (data.team ?? []).slice(0, 3),
  };
}
