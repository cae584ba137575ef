import type { Route } from "./contentCrud";
import { ACTIVITY_ROUTES } from "./activity";
import { HELP_CENTER_ROUTES } from "./helpCenter";
import { MESSENGER_SETTINGS_ROUTES } from "./messengerSettings";
import { TICKET_ROUTES } from "./tickets";

/** REST routes of the messenger's features; router.ts spreads them into its table. */
export const MESSENGER_ROUTES: Route[] = [
  ...HELP_CENTER_ROUTES,
  ...TICKET_ROUTES,
  ...ACTIVITY_ROUTES,
  ...MESSENGER_SETTINGS_ROUTES,
];
