import type { Doc } from "../_generated/dataModel";
import type { IdentityMode, MessengerTab } from "./validators";
import { DEFAULT_IDENTITY_MODE } from "./identitySecrets";
import { publicMessengerExtras, type PublicMessengerExtras } from "./messengerSettings";
import { sessionLifetimeHours } from "./sessionPolicy";
import { parseColor, toHex } from "../../core/theme/colors";
import type { EffectiveConfiguration } from "../../core/theme/configuration";

/** What the widget may know about its workspace. Built field by field, so a new
 * secret column can never leak through a spread. */
export type PublicMessengerSettings = {
  workspaceId: string;
  workspaceName: string;
  primaryColor: string;
  launcherPosition: "left" | "right";
  greeting: string;
  teamName: string;
  tabs: MessengerTab[];
  sessionLifetimeHours: number;
  /** The workspace's default widget configuration, merged: the one source of theme and layout. */
  configuration: EffectiveConfiguration;
} & PublicMessengerExtras;

/**
 * `configuration` is the default widget configuration's effective value;
 * `primaryColor` (as hex) and `launcherPosition` repeat it for widgets built
 * before configurations existed.
 */
export function publicMessengerSettings(workspace: Doc<"workspaces">, configuration: EffectiveConfiguration): PublicMessengerSettings {
  const { messenger } = workspace;
  const primary = parseColor(configuration.theme.primaryColor);
  return {
    workspaceId: workspace.publicId,
    workspaceName: workspace.name,
    primaryColor: primary === null ? messenger.primaryColor : toHex(primary),
    launcherPosition: configuration.layout.position === "bottom-left" ? "left" : "right",
    configuration,
    greeting: messenger.greeting,
    teamName: messenger.teamName,
    tabs: messenger.tabs.map((tab) => ({ id: tab.id, enabled: tab.enabled, visibleTo: tab.visibleTo })),
    sessionLifetimeHours: sessionLifetimeHours(workspace),
    ...publicMessengerExtras(messenger),
  };
}

export const DEFAULT_TABS: MessengerTab[] = [
  { id: "home", enabled: true, visibleTo: "all" },
  { id: "messages", enabled: true, visibleTo: "all" },
  { id: "help", enabled: true, visibleTo: "all" },
  { id: "tickets", enabled: true, visibleTo: "users" },
  { id: "tasks", enabled: true, visibleTo: "all" },
  { id: "tours", enabled: true, visibleTo: "all" },
];

export type NewWorkspace = {
  publicId: string;
  name: string;
  allowedOrigins: string[];
  identitySecret?: string;
  /** @default "optional" */
  identityVerificationMode?: IdentityMode;
  messenger?: Partial<Doc<"workspaces">["messenger"]>;
  sessionLifetimeHours?: number;
};

/** A complete workspace document with defaults for everything not given. */
export function workspaceDocument(input: NewWorkspace): Omit<Doc<"workspaces">, "_id" | "_creationTime"> {
  const doc: Omit<Doc<"workspaces">, "_id" | "_creationTime"> = {
    publicId: input.publicId,
    name: input.name,
    allowedOrigins: input.allowedOrigins,
    identityVerification: { mode: input.identityVerificationMode ?? DEFAULT_IDENTITY_MODE },
    messenger: {
      primaryColor: "#2563eb",
      launcherPosition: "right",
      greeting: "Hi there! Ask us anything.",
      teamName: input.name,
      tabs: DEFAULT_TABS,
      ...input.messenger,
    },
  };
  if (input.identitySecret !== undefined) doc.identitySecret = input.identitySecret;
  if (input.sessionLifetimeHours !== undefined) doc.sessionLifetimeHours = input.sessionLifetimeHours;
  return doc;
}
