import * as v from "valibot";
import type { EffectiveConfiguration } from "../../core/theme/configuration";
import { readConfiguration } from "./configuration";

export type LauncherPosition = "left" | "right";

export interface TabSetting {
  id: string;
  enabled: boolean;
  /** "all" | "visitors" | "users"; missing means all. */
  visibleTo?: string;
}

export type ThemeSetting = "light" | "dark" | "system";

/** The workspace's messenger look and copy, as boot returns it (unknown extras ignored). */
export interface WidgetSettings {
  name: string;
  teamName: string;
  greeting: string;
  primaryColor: string;
  launcherPosition: LauncherPosition;
  tabs: TabSetting[];
  theme: ThemeSetting;
  /** The widget configuration in force (theme, layout, listeners); null until the workspace sends one. */
  configuration: EffectiveConfiguration | null;
  /**
   * Everything boot sent, unparsed: the panel's tabs read their own settings from it
   * (office hours, reply time, cards…) with schemas that ship in the panel's chunk.
   */
  raw: unknown;
}

export const DEFAULT_SETTINGS: WidgetSettings = {
  name: "Support",
  teamName: "Support",
  greeting: "Hi there! Ask us anything.",
  primaryColor: "#2563eb",
  launcherPosition: "right",
  tabs: [{ id: "messages", enabled: true }],
  theme: "light",
  configuration: null,
  raw: {},
};

const text = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
/** A bad field falls back on its own; it never costs the others. */
const lenient = <T extends v.GenericSchema>(schema: T) => v.fallback(v.optional(schema), undefined);

const settingsSchema = v.looseObject({
  name: lenient(text(200)),
  workspaceName: lenient(text(200)),
  teamName: lenient(text(200)),
  greeting: lenient(text(1000)),
  // Only hex colours: the value ends up in a stylesheet, so nothing else may get through.
  primaryColor: lenient(v.pipe(v.string(), v.regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i))),
  launcherPosition: lenient(v.picklist(["left", "right"])),
  tabs: lenient(
    v.array(v.looseObject({ id: v.string(), enabled: v.optional(v.boolean(), true), visibleTo: v.optional(v.string()) })),
  ),
  theme: lenient(v.picklist(["light", "dark", "system"])),
});

export function parseSettings(input: unknown): WidgetSettings {
  const parsed = v.safeParse(settingsSchema, input);
  if (!parsed.success) return DEFAULT_SETTINGS;
  const data = parsed.output;
  const name = data.name ?? data.workspaceName ?? DEFAULT_SETTINGS.name;
  return {
    name,
    teamName: data.teamName ?? name,
    greeting: data.greeting ?? DEFAULT_SETTINGS.greeting,
    primaryColor: data.primaryColor ?? DEFAULT_SETTINGS.primaryColor,
    launcherPosition: data.launcherPosition ?? DEFAULT_SETTINGS.launcherPosition,
    tabs:
      data.tabs?.map((tab) => ({ id: tab.id, enabled: tab.enabled, ...(tab.visibleTo ? { visibleTo: tab.visibleTo } : {}) })) ??
      DEFAULT_SETTINGS.tabs,
    theme: data.theme ?? DEFAULT_SETTINGS.theme,
    configuration: readConfiguration((input as Record<string, unknown>)["configuration"]),
    raw: input,
  };
}
