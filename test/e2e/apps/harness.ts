// A stand-in inbox page for the custom-app e2e: frames one app with the real host
// (inbox/apps/host.ts), records what the app makes it do, and lets the test emit events.
import type { AppScreen } from "../../../core/apps/events";
import type { AppProtocol } from "../../../core/apps/protocol";
import { APP_FRAME_SANDBOX, appFrameUrl } from "../../../inbox/apps/frame-url";
import { mountAppHost, type AppHost } from "../../../inbox/apps/host";

declare global {
  interface Window {
    host: AppHost;
    calls: Array<[string, string]>;
    refusals: Array<{ code: string; reason: string; origin: string }>;
    frameLoads: number;
  }
}

const params = new URLSearchParams(location.search);
const app = {
  name: params.get("name")!,
  url: params.get("url")!,
  allowedOrigins: params.getAll("allowed"),
  protocol: (params.get("protocol") ?? "opencom") as AppProtocol,
};
const screen = (params.get("screen") ?? "CHATS") as AppScreen;
window.calls = [];
window.refusals = [];
window.frameLoads = 0;

const frame = document.createElement("iframe");
frame.title = app.name;
frame.setAttribute("sandbox", APP_FRAME_SANDBOX);
frame.addEventListener("load", () => window.frameLoads++);
window.host = mountAppHost({
  frame,
  app,
  screen,
  inboxOrigin: location.origin,
  messageTarget: window,
  callbacks: {
    fillInput: (text) => void window.calls.push(["fillInput", text]),
    sendMessage: (text) => void window.calls.push(["sendMessage", text]),
    navigateToTicket: (code) => void window.calls.push(["navigateToTicket", code]),
    getToken: async () => "header.payload.signature",
  },
  onRefusal: (refusal) => window.refusals.push(refusal),
});
frame.src = appFrameUrl(app.url, app.protocol, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEiLCJlbWFpbCI6ImFnZW50QGFjbWUudGVzdCIsImN1c3RvbS13aWRnZXQtbmFtZSI6IlRpY2tldCBTTEEgY2FyZCJ9.sig");
document.body.append(frame);

// Another frame on the page that is not the app (an ad, a compromised widget…).
const intruder = params.get("intruder");
if (intruder) {
  const other = document.createElement("iframe");
  other.title = "Intruder";
  other.src = intruder;
  document.body.append(other);
}
