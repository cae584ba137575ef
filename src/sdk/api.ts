import { createWidget } from "../runtime/identity-switch";
import type { WidgetInstance } from "../runtime/instance";
import { parseAttributes, parseConfig, parseUser, type ResolvedConfig } from "./config";
import { createEmitter, type Emitter } from "./emitter";
import { logError, logWarn } from "./log";
import { matchLocale, SUPPORTED_LOCALES } from "../i18n/locales";
import { API_METHODS, VALUE_FALLBACKS } from "./methods";
import type { OpencomWidgetApi, TourSummary, WidgetEventName, WidgetEvents } from "./types";

type CreateInstance = (config: ResolvedConfig, emitter: Emitter<WidgetEvents>) => WidgetInstance;

const EVENT_NAMES: readonly WidgetEventName[] = ["ready", "open", "close", "unreadCountChange", "messageReceived", "error"];

/**
 * The object behind `window.OpencomWidget`. It outlives widget instances: `destroy()` ends
 * the running widget, `init()` may start a new one, and listeners registered with `on`
 * stay registered across both.
 */
export function createOpencomWidget(createInstance: CreateInstance = createWidget): OpencomWidgetApi {
  const emitter = createEmitter<WidgetEvents>();
  let instance: WidgetInstance | null = null;

  const running = (method: string): WidgetInstance | null => {
    if (!instance) logError(`${method}() was called before init(); call init({ convexUrl, workspaceId }) first`);
    return instance;
  };
  /** Engagement experiences by id; an unknown id is reported once the visitor's list is known. */
  const startExperience = (kind: "tour" | "survey" | "checklist", method: string, id: unknown) => {
    if (typeof id !== "string" || id.trim() === "") return logError(`${method}(): the id must be a non-empty string`);
    running(method)?.startExperience(kind, id.trim());
  };
  const isEvent = (event: unknown): event is WidgetEventName => EVENT_NAMES.includes(event as WidgetEventName);

  const api: OpencomWidgetApi = {
    init(config) {
      if (instance) {
        logWarn("init() was called again while the widget is running; ignored. Call destroy() first to start over.");
        return;
      }
      const parsed = parseConfig(config);
      if (!parsed.ok) return logError(`init(): ${parsed.message}`);
      const { locale } = parsed.value;
      if (locale !== undefined && matchLocale(locale) === null) {
        logWarn(`init(): locale "${locale}" is not supported (${SUPPORTED_LOCALES.join(", ")}); using the browser's languages`);
      }
      instance = createInstance(parsed.value, emitter);
    },
    identify(user) {
      const parsed = parseUser(user);
      if (!parsed.ok) return logError(`identify(): ${parsed.message}`);
      running("identify")?.identify(parsed.value);
    },
    trackEvent(name, properties) {
      if (typeof name !== "string" || name.trim() === "") return logError("trackEvent(): the event name must be a non-empty string");
      if (properties === undefined) return running("trackEvent")?.track(name.trim());
      const parsed = parseAttributes(properties);
      if (!parsed.ok) return logError(`trackEvent(): ${parsed.message} (values must be strings, numbers, booleans or null)`);
      running("trackEvent")?.track(name.trim(), parsed.value);
    },
    startTour: (tourId) => startExperience("tour", "startTour", tourId),
    getAvailableTours: () => running("getAvailableTours")?.availableTours() ?? Promise.resolve<TourSummary[]>([]),
    // A logout: the visitor's session is revoked and its data in this browser forgotten, so
    // the next init() (another user, or none) starts a new visitor (see identity-switch.ts).
    destroy() {
      instance?.destroy();
      instance = null;
    },
    open: () => running("open")?.setOpen(true),
    close: () => running("close")?.setOpen(false),
    toggle() {
      const current = running("toggle");
      current?.setOpen(!current.isOpen());
    },
    showMessages: () => running("showMessages")?.showMessages(),
    showNewMessage(text) {
      if (text !== undefined && typeof text !== "string") return logError("showNewMessage(): text must be a string");
      running("showNewMessage")?.showNewMessage(text ?? "");
    },
    showArticle(articleId) {
      if (typeof articleId !== "string" || articleId.trim() === "") return logError("showArticle(): the article id must be a non-empty string");
      running("showArticle")?.showArticle(articleId.trim());
    },
    startSurvey: (surveyId) => startExperience("survey", "startSurvey", surveyId),
    startChecklist: (checklistId) => startExperience("checklist", "startChecklist", checklistId),
    setLocale(locale) {
      if (typeof locale !== "string") return logError("setLocale(): the locale must be a string such as \"fr\"");
      const current = running("setLocale");
      if (current && !current.setLocale(locale)) {
        logError(`setLocale(): "${locale}" is not supported; use one of ${SUPPORTED_LOCALES.join(", ")}`);
      }
    },
    getVisitorId: () => instance?.visitorId() ?? null,
    on(event, listener) {
      if (!isEvent(event)) return logError(`on(): unknown event "${String(event)}"; known: ${EVENT_NAMES.join(", ")}`);
      if (typeof listener !== "function") return logError("on(): the listener must be a function");
      emitter.on(event, listener);
    },
    off(event, listener) {
      if (isEvent(event)) emitter.off(event, listener);
    },
  };
  return guardAll(api);
}

/** A bad call logs one error and returns a harmless value; it never throws into the page. */
function guardAll(api: OpencomWidgetApi): OpencomWidgetApi {
  const guarded = {} as Record<string, unknown>;
  for (const method of API_METHODS) {
    const implementation = api[method] as (...args: unknown[]) => unknown;
    guarded[method] = (...args: unknown[]) => {
      try {
        return implementation(...args);
      } catch (error) {
        logError(`${method}() failed`, error);
        return method in VALUE_FALLBACKS ? VALUE_FALLBACKS[method] : undefined;
      }
    };
  }
  return guarded as unknown as OpencomWidgetApi;
}
