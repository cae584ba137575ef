import { z } from "../sdk/zod";

export type LauncherPosition = "left" | "right";

export interface TabSetting {
  id: string;
  enabled: boolean;
}

/** The workspace's messenger look and copy, as boot returns it (unknown extras ignored). */
export interface WidgetSettings {
  name: string;
  teamName: string;
  greeting: string;
  primaryColor: string;
  launcherPosition: LauncherPosition;
  tabs: TabSetting[];
}

export const DEFAULT_SETTINGS: WidgetSettings = {
  name: "Support",
  teamName: "Support",
  greeting: "Hi there! Ask us anything.",
  primaryColor: "#2563eb",
  launcherPosition: "right",
  tabs: [{ id: "messages", enabled: true }],
};

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
/** A bad field falls back on its own; it never costs the others. */
const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

const settingsSchema = z.looseObject({
  name: lenient(text(200)),
  workspaceName: lenient(text(200)),
  teamName: lenient(text(200)),
  greeting: lenient(text(1000)),
  // Only hex colours: the value ends up in a stylesheet, so nothing else may get through.
  primaryColor: lenient(z.string().check(z.regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i))),
  launcherPosition: lenient(z.enum(["left", "right"])),
  tabs: lenient(z.array(z.looseObject({ id: z.string(), enabled: z._default(z.boolean(), true) }))),
});

export function parseSettings(input: unknown): WidgetSettings {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return DEFAULT_SETTINGS;
  const data = parsed.data;
  const name = data.name ?? data.workspaceName ?? DEFAULT_SETTINGS.name;
  return {
    name,
    teamName: data.teamName ?? name,
    greeting: data.greeting ?? DEFAULT_SETTINGS.greeting,
    primaryColor: data.primaryColor ?? DEFAULT_SETTINGS.primaryColor,
    launcherPosition: data.launcherPosition ?? DEFAULT_SETTINGS.launcherPosition,
    tabs: data.tabs?.map((tab) => ({ id: tab.id, enabled: tab.enabled })) ?? DEFAULT_SETTINGS.tabs,
  };
}
