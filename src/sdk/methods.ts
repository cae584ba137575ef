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
 * Methods whose caller expects a value. Before the runtime has loaded, the stub returns a
 * promise for that value (and resolves it once the queued call has been replayed).
 */
export const VALUE_METHODS: readonly ApiMethod[] = ["getVisitorId"];

/**
 * Methods that answer at once with what is known, as the Opencom reference documents
 * (`const tours = OpencomWidget.getAvailableTours()`): before the runtime has loaded, the
 * stub returns this and queues nothing.
 */
export const KNOWN_NOTHING_YET: Partial<Record<ApiMethod, () => unknown>> = {
  getAvailableTours: () => [],
};

/** What a value method resolves to when the runtime never arrives (offline, blocked). */
export const VALUE_FALLBACKS: Partial<Record<ApiMethod, unknown>> = {
  getAvailableTours: [],
  getVisitorId: null,
};
