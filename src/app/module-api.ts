/*
 * The widget as named functions, for the npm package (`import { init } from "opencom-widget"`).
 * A page has one messenger, as with the script tag: the functions share one API object,
 * created on first use and published as `window.OpencomWidget` (unless a script tag got there
 * first, in which case that one is used), so code written for the global keeps working.
 */
import { createOpencomWidget } from "./api";
import type { OpencomWidgetApi } from "../sdk/types";

type GlobalWindow = Window & { OpencomWidget?: unknown };

let api: OpencomWidgetApi | null = null;

function widget(): OpencomWidgetApi {
  if (api) return api;
  const win = window as GlobalWindow;
  const existing = win.OpencomWidget as Partial<OpencomWidgetApi> | undefined;
  // The script tag's stub queues calls until its runtime arrives: reuse it rather than run twice.
  if (existing && typeof existing.init === "function") return (api = existing as OpencomWidgetApi);
  api = createOpencomWidget();
  win.OpencomWidget = api;
  return api;
}

export const init: OpencomWidgetApi["init"] = (config) => widget().init(config);
export const identify: OpencomWidgetApi["identify"] = (user) => widget().identify(user);
export const trackEvent: OpencomWidgetApi["trackEvent"] = (name, properties) => widget().trackEvent(name, properties);
export const startTour: OpencomWidgetApi["startTour"] = (tourId) => widget().startTour(tourId);
export const getAvailableTours: OpencomWidgetApi["getAvailableTours"] = () => widget().getAvailableTours();
export const destroy: OpencomWidgetApi["destroy"] = () => widget().destroy();
export const open: OpencomWidgetApi["open"] = () => widget().open();
export const close: OpencomWidgetApi["close"] = () => widget().close();
export const toggle: OpencomWidgetApi["toggle"] = () => widget().toggle();
export const showMessages: OpencomWidgetApi["showMessages"] = () => widget().showMessages();
export const showNewMessage: OpencomWidgetApi["showNewMessage"] = (text) => widget().showNewMessage(text);
export const showArticle: OpencomWidgetApi["showArticle"] = (articleId) => widget().showArticle(articleId);
export const startSurvey: OpencomWidgetApi["startSurvey"] = (surveyId) => widget().startSurvey(surveyId);
export const startChecklist: OpencomWidgetApi["startChecklist"] = (checklistId) => widget().startChecklist(checklistId);
export const setLocale: OpencomWidgetApi["setLocale"] = (locale) => widget().setLocale(locale);
export const getVisitorId: OpencomWidgetApi["getVisitorId"] = () => widget().getVisitorId();
export const on: OpencomWidgetApi["on"] = (event, listener) => widget().on(event, listener);
export const off: OpencomWidgetApi["off"] = (event, listener) => widget().off(event, listener);
