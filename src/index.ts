/**
 * The npm package's entry: `import { init, open, on } from "opencom-widget"`. It only
 * re-exports; see docs/deploy.md for the script-tag alternative.
 */
// One named export per method of window.OpencomWidget (the same list as sdk/methods.ts).
export * from "./app/module-api";
export type {
  Attributes,
  AttributeValue,
  OpencomWidgetApi,
  ReceivedMessage,
  TourSummary,
  UserIdentity,
  WidgetConfig,
  WidgetEventName,
  WidgetEvents,
} from "./sdk/types";
