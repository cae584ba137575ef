import { AccountPage } from "./account/account-page";
import { MembersPage } from "./members/members-page";
import { ThemePage } from "./theme/theme-page";
import type { SettingsPage } from "./page";

/**
 * Every Settings page, in the order of the Settings menu. A new page is a folder under
 * settings/ and one line here.
 */
export const SETTINGS_PAGES: readonly SettingsPage[] = [
  { id: "account", label: "Your account", adminOnly: false, component: AccountPage },
  { id: "members", label: "Members", adminOnly: false, component: MembersPage },
  { id: "theme", label: "Theme", adminOnly: true, component: ThemePage },
];
