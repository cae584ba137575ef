/**
 * The npm package's entry: `import { init, open, on } from "opencom-widget"`. It only
 * re-exports; see docs/deploy.md for the script-tag alternative.
 */
export {
  init,
  identify,
  trackEvent,
  startTour,
  getAvailableTours,
  destroy,
  open,
  close,
  toggle,
  showMessages,
  showNewMessage,
  showArticle,
  startSurvey,
  startChecklist,
  setLocale,
  getVisitorId,
  on,
  off,
} from "./sdk/module-api";
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
