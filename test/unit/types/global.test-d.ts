/*
 * Type test of the global API (`window.OpencomWidget`, typed by src/sdk/types.ts; the npm
 * package's global.d.ts maps Window.OpencomWidget to OpencomWidgetApi). Checked by
 * `tsc -p tsconfig.json` (npm test's typecheck step): every line marked @ts-expect-error
 * must fail to compile, and an unused marker is an error too (TS2578). Never run.
 */
import type { OpencomWidgetApi, ReceivedMessage, TourSummary, WidgetEvents } from "../../../src/sdk/types";

declare const window: Window & { OpencomWidget: OpencomWidgetApi };
const widget = window.OpencomWidget;

widget.init({
  convexUrl: "https://happy-otter-123.convex.cloud",
  workspaceId: "demo",
  trackPageViews: false,
  user: { userId: "42", email: "ada@example.com", userHash: "ab".repeat(32), customAttributes: { plan: "pro", seats: 3, trial: false, ref: null } },
  hideDefaultLauncher: true,
  customLauncherSelector: "#my-button",
  sound: true,
  locale: "fr",
});
// @ts-expect-error convexUrl is required
widget.init({ workspaceId: "demo" });
// @ts-expect-error custom attributes are scalars only
widget.identify({ userId: "42", customAttributes: { nested: { a: 1 } } });
// @ts-expect-error sound is a boolean
widget.init({ convexUrl: "https://x.convex.cloud", workspaceId: "demo", sound: "yes" });

widget.open();
widget.close();
widget.toggle();
widget.showMessages();
widget.showNewMessage();
widget.showNewMessage("Prefilled");
// @ts-expect-error the prefill is text
widget.showNewMessage(42);
widget.showArticle("article-id");
// @ts-expect-error an article id is a string
widget.showArticle();
widget.setLocale("ar");
widget.startTour("tour-id");
widget.startSurvey("survey-id");
widget.startChecklist("checklist-id");
widget.trackEvent("upgraded", { plan: "pro" });
widget.destroy();

const visitorId: string | null = widget.getVisitorId();
const tours: TourSummary[] = widget.getAvailableTours();
// @ts-expect-error an array at once, not a promise (as the Opencom reference documents)
void widget.getAvailableTours().then;
void visitorId;
void tours;

widget.on("ready", ({ visitorId: id }) => id.toUpperCase());
widget.on("open", () => {});
widget.on("unreadCountChange", ({ unreadCount }) => unreadCount.toFixed(0));
widget.on("messageReceived", ({ unreadCount, message }) => {
  const received: ReceivedMessage = message;
  const sender: "agent" | "bot" = received.senderType;
  const name: string | null = received.senderName;
  return `${unreadCount} ${sender} ${name ?? ""} ${received.body} ${received.createdAt.toFixed(0)}`;
});
widget.on("error", ({ code, message }) => `${code}: ${message}`);
widget.off("close", () => {});
// @ts-expect-error unknown event
widget.on("messageSent", () => {});
// @ts-expect-error the payload of unreadCountChange has no message
widget.on("unreadCountChange", ({ message }) => message);
// @ts-expect-error there is no such method
widget.hide();

type Payload = WidgetEvents["messageReceived"];
const payload: Payload = { unreadCount: 1, message: { id: "m", conversationId: "c", senderType: "bot", senderName: null, body: "Hi", createdAt: 0 } };
void payload;
