import type { ComponentType } from "preact";
import type { OperatorProfile } from "../../../convex/members";
import type { Workspace } from "../workspace";

export type SettingsPageProps = { me: OperatorProfile; workspace: Workspace };

/** One page of Settings: its own folder under settings/, listed once in pages.ts. */
export type SettingsPage = {
  /** The URL segment: `#/settings/<id>`. */
  id: string;
  label: string;
  /** Pages only an admin can change; agents do not see them in the list. The server checks the role regardless. */
  adminOnly: boolean;
  component: ComponentType<SettingsPageProps>;
};
