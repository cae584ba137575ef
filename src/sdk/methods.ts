/**
 * Every method of `window.OpencomWidget`, in one list that the loader's stub and the
 * runtime share, so a call made before the runtime arrives can never name a method the
 * runtime lacks.
 */
export const API_METHODS = [
  "init",
  "identify",
  "trackEvent",
  "startTour",
  "getAvailableTours",
  "destroy",
  "open",
  "close",
  "toggle",
  "showMessages",
  "showNewMessage",
  "showArticle",
  "startSurvey",
  "startChecklist",
  "setLocale",
  "getVisitorId",
  "on",
  "off",
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/**
 * Methods that return a value, with what each returns when it cannot answer (a bad call;
 * the runtime never arrives). Before the runtime has loaded, the loader's stub returns a
 * promise for these, settled once the queued call has been replayed.
 */
export const PROMISED_VALUES: Partial<Record<ApiMethod, unknown>> = {
  getVisitorId: null,
};

/**
 * Every method's answer when it cannot give one. getAvailableTours answers at once, even
 * from the stub ([]: no tour is known yet), as the Opencom reference documents
 * (`const tours = OpencomWidget.getAvailableTours()`).
 */
export const VALUE_FALLBACKS: Partial<Record<ApiMethod, unknown>> = {
  ...PROMISED_VALUES,
  getAvailableTours: [],
};
