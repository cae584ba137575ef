import { AccountPage } from "./account/account-page";
import { ApiKeysPage } from "./api-keys/api-keys-page";
import { AppsPage } from "./apps/apps-page";
import { InstallationPage } from "./installation/installation-page";
import { GatewaysPage } from "./gateways/gateways-page";
import { BotsPage } from "./bots/bots-page";
import { MembersPage } from "./members/members-page";
import { MessengerPage } from "./messenger/messenger-page";
import { OAuthClientsPage } from "./oauth-clients/oauth-clients-page";
import { OfficeHoursPage } from "./office-hours/office-hours-page";
import { ThemePage } from "./theme/theme-page";
import type { SettingsPage } from "./page";
import { SecurityPage } from "./security/security-page";
import { SlaPage } from "./sla/sla-page";
import { TeamsPage } from "./teams/teams-page";

/**
 * Every Settings page, in the order of the Settings menu. A new page is a folder under
 * settings/ and one line here.
 */
export const SETTINGS_PAGES: readonly SettingsPage[] = [
  { id: "account", label: "Your account", adminOnly: false, component: AccountPage },
  { id: "members", label: "Members", adminOnly: false, component: MembersPage },
  { id: "teams", label: "Support teams", adminOnly: true, component: TeamsPage },
  { id: "sla", label: "SLA policies", adminOnly: true, component: SlaPage },
  { id: "office-hours", label: "Office hours", adminOnly: true, component: OfficeHoursPage },
  { id: "messenger", label: "Messenger", adminOnly: true, component: MessengerPage },
  { id: "security", label: "Security", adminOnly: true, component: SecurityPage },
  { id: "api-keys", label: "API keys", adminOnly: true, component: ApiKeysPage },
  { id: "oauth-clients", label: "OAuth clients", adminOnly: true, component: OAuthClientsPage },
  { id: "installation", label: "Widget installation", adminOnly: true, component: InstallationPage },
  { id: "apps", label: "Apps", adminOnly: true, component: AppsPage },
  { id: "gateways", label: "Gateways", adminOnly: true, component: GatewaysPage },
  { id: "bots", label: "Bots", adminOnly: true, component: BotsPage },
  { id: "theme", label: "Theme", adminOnly: true, component: ThemePage },
];
