import { createWidgetInstance, type WidgetInstance } from "../runtime/instance";
import { parseAttributes, parseConfig, parseUser, type ResolvedConfig } from "./config";
import { createEmitter, type Emitter } from "./emitter";
import { logError, logWarn } from "./log";
import { API_METHODS, VALUE_FALLBACKS } from "./methods";
import type { OpencomWidgetApi, TourSummary, WidgetEventName, WidgetEvents } from "./types";

type CreateInstance = (config: ResolvedConfig, emitter: Emitter<WidgetEvents>) => WidgetInstance;

const EVENT_NAMES: readonly WidgetEventName[] = ["ready", "open", "close", "unreadCountChange", "messageReceived", "error"];

/**
 * The object behind `window.OpencomWidget`. It outlives widget instances: `destroy()` ends
 * the running widget, `init()` may start a new one, and listeners registered with `on`
 * stay registered across both.
 */
export function createOpencomWidget(createInstance: CreateInstance = createWidgetInstance): OpencomWidgetApi {
  const emitter = createEmitter<WidgetEvents>();
  let instance: WidgetInstance | null = null;

  const running = (method: string): WidgetInstance | null => {
    if (!instance) logError(`${method}() was called before init(); call init({ convexUrl, workspaceId }) first`);
    return instance;
  };
  const notYet = (method: string) => () => logError(`${method}() is not available in this version of the widget yet`);
  const isEvent = (event: unknown): event is WidgetEventName => EVENT_NAMES.includes(event as WidgetEventName);

  const api: OpencomWidgetApi = {
    init(config) {
      if (instance) {
        logWarn("init() was called again while the widget is running; ignored. Call destroy() first to start over.");
        return;
      }
      const parsed = parseConfig(config);
      if (!parsed.ok) return logError(`init(): ${parsed.message}`);
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
    // Product tours arrive with a later issue; until then no tour id is known, so every id is
    // reported as unknown and the list of available tours is empty.
    startTour(tourId) {
      logError(`startTour(): there is no tour with id "${String(tourId)}"`);
    },
    getAvailableTours: () => Promise.resolve<TourSummary[]>([]),
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
    showArticle: notYet("showArticle"),
    startSurvey: notYet("startSurvey"),
    startChecklist: notYet("startChecklist"),
    setLocale: notYet("setLocale"),
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
