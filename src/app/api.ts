import { matchLocale, SUPPORTED_LOCALES } from "../i18n/locales";
import { parseAttributes, parseConfig, parseUser, type ResolvedConfig } from "../sdk/config";
import { createEmitter, type Emitter } from "../sdk/emitter";
import { logError, logWarn } from "../sdk/log";
import { API_METHODS, VALUE_FALLBACKS } from "../sdk/methods";
import type { OpencomWidgetApi, WidgetEventName, WidgetEvents } from "../sdk/types";
import { createWidget, type Widget } from "./identity-switch";
import type { WidgetInstance } from "./instance";

type CreateWidget = (config: ResolvedConfig, emitter: Emitter<WidgetEvents>) => Widget;

const EVENT_NAMES: readonly WidgetEventName[] = ["ready", "open", "close", "unreadCountChange", "messageReceived", "error", "configEvent"];

/**
 * The object behind `window.OpencomWidget`. It outlives widget instances: `destroy()` ends
 * the running widget, `init()` may start a new one, and listeners registered with `on`
 * stay registered across both.
 */
export function createOpencomWidget(create: CreateWidget = createWidget): OpencomWidgetApi {
  const emitter = createEmitter<WidgetEvents>();
  let widget: Widget | null = null;

  const running = (method: string): Widget | null => {
    if (!widget) logError(`${method}() was called before init(); call init({ convexUrl, workspaceId }) first`);
    return widget;
  };
  /** The instance showing the current visitor, if any (none while hidden after a refused identity). */
  const live = (method: string): WidgetInstance | null => running(method)?.current() ?? null;
  /** Engagement experiences by id; an unknown id is reported once the visitor's list is known. */
  const startExperience = (kind: "tour" | "survey" | "checklist", method: string, id: unknown) => {
    if (typeof id !== "string" || id.trim() === "") return logError(`${method}(): the id must be a non-empty string`);
    live(method)?.startExperience(kind, id.trim());
  };
  const isEvent = (event: unknown): event is WidgetEventName => EVENT_NAMES.includes(event as WidgetEventName);

  const api: OpencomWidgetApi = {
    init(config) {
      if (widget) {
        logWarn("init() was called again while the widget is running; ignored. Call destroy() first to start over.");
        return;
      }
      const parsed = parseConfig(config);
      if (!parsed.ok) return logError(`init(): ${parsed.message}`);
      const { locale } = parsed.value;
      if (locale !== undefined && matchLocale(locale) === null) {
        logWarn(`init(): locale "${locale}" is not supported (${SUPPORTED_LOCALES.join(", ")}); using the browser's languages`);
      }
      widget = create(parsed.value, emitter);
    },
    identify(user) {
      const parsed = parseUser(user);
      if (!parsed.ok) return logError(`identify(): ${parsed.message}`);
      running("identify")?.identify(parsed.value);
    },
    trackEvent(name, properties) {
      if (typeof name !== "string" || name.trim() === "") return logError("trackEvent(): the event name must be a non-empty string");
      if (properties === undefined) return live("trackEvent")?.track(name.trim());
      const parsed = parseAttributes(properties);
      if (!parsed.ok) return logError(`trackEvent(): ${parsed.message} (values must be strings, numbers, booleans or null)`);
      live("trackEvent")?.track(name.trim(), parsed.value);
    },
    startTour: (tourId) => startExperience("tour", "startTour", tourId),
    getAvailableTours: () => live("getAvailableTours")?.availableTours() ?? [],
    // A logout: the visitor's session is revoked and its data in this browser forgotten, so
    // the next init() (another user, or none) starts a new visitor (see identity-switch.ts).
    destroy() {
      widget?.destroy();
      widget = null;
    },
    open: () => live("open")?.setOpen(true),
    close: () => live("close")?.setOpen(false),
    toggle() {
      const current = live("toggle");
      current?.setOpen(!current.isOpen());
    },
    showMessages: () => live("showMessages")?.showMessages(),
    showNewMessage(text) {
      if (text !== undefined && typeof text !== "string") return logError("showNewMessage(): text must be a string");
      live("showNewMessage")?.showNewMessage(text ?? "");
    },
    showArticle(articleId) {
      if (typeof articleId !== "string" || articleId.trim() === "") return logError("showArticle(): the article id must be a non-empty string");
      live("showArticle")?.showArticle(articleId.trim());
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
    getVisitorId: () => widget?.current()?.visitorId() ?? null,
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
