import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppHostCallbacks, AppHostOptions, HostedApp } from "../../../inbox/apps/host";
import { AppRefusedError, checkHostable, mountAppHost } from "../../../inbox/apps/host";

const INBOX = "http://127.0.0.1:5174";
const APP_ORIGIN = "http://sla.localhost:5181";
const APP: HostedApp = { name: "SLA guardian", url: `${APP_ORIGIN}/sla/`, allowedOrigins: ["http://*.localhost:5181"], protocol: "opencom" };

type Posted = { message: Record<string, unknown>; origin: string };

/** A stand-in for the iframe: its window records what the host posts to it. */
function fakeFrame() {
  const posted: Posted[] = [];
  const events = new EventTarget();
  const contentWindow = { postMessage: vi.fn((message: Record<string, unknown>, origin: string) => posted.push({ message, origin })) };
  const frame = {
    contentWindow,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    load: () => events.dispatchEvent(new Event("load")),
  };
  return { frame, posted };
}

function setup(overrides: Partial<AppHostOptions> & { app?: HostedApp } = {}) {
  const { frame, posted } = fakeFrame();
  const inbox = new EventTarget();
  const callbacks: AppHostCallbacks = {
    fillInput: vi.fn(),
    sendMessage: vi.fn(async () => {}),
    navigateToTicket: vi.fn(),
    getToken: vi.fn(async () => "fresh.jwt.token"),
  };
  let clock = 1_000;
  const refusals: string[] = [];
  const host = mountAppHost({
    frame: frame as unknown as AppHostOptions["frame"],
    app: APP,
    screen: "CHATS",
    callbacks,
    inboxOrigin: INBOX,
    messageTarget: inbox as unknown as Window,
    now: () => clock,
    onRefusal: ({ code }) => refusals.push(code),
    ...overrides,
  });
  /** Delivers a message to the inbox as the browser would, from `source` at `origin`. */
  const receive = (data: unknown, { origin = APP_ORIGIN, source = frame.contentWindow as object | null } = {}) =>
    inbox.dispatchEvent(new MessageEvent("message", { data, origin, source: source as never }));
  const action = (action: string, payload: unknown, fields: Record<string, unknown> = {}) => ({
    messageType: "OPENCOM_APP_ACTION",
    appName: APP.name,
    action,
    screen: "CHATS",
    payload,
    requestId: "req-1",
    ...fields,
  });
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { host, frame, posted, callbacks, receive, action, flush, refusals, tick: (ms: number) => (clock += ms) };
}

afterEach(() => vi.useRealTimers());

describe("mountAppHost: events", () => {
  it("says ready on load, to the app's exact origin, and replays the current state after a reload", () => {
    const { host, frame, posted } = setup();
    host.emit("chat:selected", { customerId: "c1", customerName: "Ada", platform: "WEBCHAT" });
    frame.load();
    expect(posted.map((p) => [p.message["event"], p.origin])).toEqual([
      ["chat:selected", APP_ORIGIN],
      ["app:ready", APP_ORIGIN],
      ["chat:selected", APP_ORIGIN],
    ]);
    expect(posted[1]?.message).toEqual({ messageType: "OPENCOM_APP_EVENT", event: "app:ready", screen: "CHATS", payload: { screen: "CHATS" }, timestamp: 1_000 });
    host.emit("chat:messageSent", { customerId: "c1", messageType: "TEXT", messageId: "m1" });
    frame.load();
    // A message that was sent is news, not state: it is not replayed.
    expect(posted.slice(3).map((p) => p.message["event"])).toEqual(["chat:messageSent", "app:ready", "chat:selected"]);
  });

  it("refuses to emit another screen's event", () => {
    const { host } = setup();
    expect(() => host.emit("ticket:selected", {} as never)).toThrow(/not an event of the CHATS screen/);
  });

  it("survives a frame whose postMessage throws", () => {
    const { host, frame } = setup();
    frame.contentWindow.postMessage.mockImplementation(() => {
      throw new Error("frame is gone");
    });
    expect(() => host.emit("chat:selected", { customerId: "c1" })).not.toThrow();
  });
});

describe("mountAppHost: actions", () => {
  it("runs fillInput and answers success to the sender's exact origin", async () => {
    const { receive, action, posted, callbacks, flush } = setup();
    receive(action("fillInput", { text: "Hello there" }));
    await flush();
    expect(callbacks.fillInput).toHaveBeenCalledWith("Hello there");
    expect(posted).toEqual([{ message: { messageType: "OPENCOM_APP_ACTION_RESPONSE", requestId: "req-1", success: true }, origin: APP_ORIGIN }]);
  });

  it("answers refreshToken with data.token", async () => {
    const { receive, action, posted, flush } = setup();
    receive(action("refreshToken", {}));
    await flush();
    expect(posted[0]?.message).toMatchObject({ success: true, data: { token: "fresh.jwt.token" } });
  });

  it("refuses an origin outside the list, a look-alike included, without running anything", async () => {
    const { receive, action, posted, callbacks, flush } = setup();
    for (const origin of ["https://evil.test", "http://sla.localhost.evil.test:5181", "http://localhost:5181", "http://sla.localhost:5182"]) {
      receive(action("sendMessage", { text: "hi" }), { origin });
    }
    await flush();
    expect(callbacks.sendMessage).not.toHaveBeenCalled();
    expect(posted.map((p) => [p.origin, p.message["errorCode"]])).toEqual([
      ["https://evil.test", "ORIGIN_NOT_ALLOWED"],
      ["http://sla.localhost.evil.test:5181", "ORIGIN_NOT_ALLOWED"],
      ["http://localhost:5181", "ORIGIN_NOT_ALLOWED"],
      ["http://sla.localhost:5182", "ORIGIN_NOT_ALLOWED"],
    ]);
    expect(posted[0]?.message["error"]).toBe('Origin https://evil.test is not among the allowed origins of "SLA guardian".');
  });

  it("accepts a true subdomain of a wildcard and answers there", async () => {
    const { receive, action, posted, flush } = setup();
    receive(action("fillInput", { text: "x" }), { origin: "http://other.apps.localhost:5181" });
    await flush();
    expect(posted[0]).toMatchObject({ origin: "http://other.apps.localhost:5181", message: { success: true } });
  });

  it("refuses a message claiming this app from another window, and ignores other apps' frames", async () => {
    const { receive, action, posted, callbacks, flush } = setup();
    const intruder = { postMessage: vi.fn() };
    receive(action("sendMessage", { text: "hi" }), { source: intruder });
    receive(action("sendMessage", { text: "hi" }, { appName: "Another app" }), { source: intruder });
    receive(action("sendMessage", { text: "hi" }), { source: null });
    await flush();
    expect(callbacks.sendMessage).not.toHaveBeenCalled();
    expect(posted).toEqual([]);
    expect(intruder.postMessage).toHaveBeenCalledTimes(1);
    expect(intruder.postMessage.mock.calls[0]).toEqual([
      expect.objectContaining({ success: false, errorCode: "WRONG_SOURCE", error: 'Messages for "SLA guardian" must come from its own frame.' }),
      APP_ORIGIN,
    ]);
  });

  it("names the reason for an unknown action, a wrong screen, a bad payload and a missing request id", async () => {
    const { receive, action, posted, flush } = setup();
    receive(action("dropDatabase", {}));
    receive(action("navigateToTicket", { ticketCode: "TK-1" }, { screen: "TICKETS" }));
    receive(action("sendMessage", { text: "x".repeat(5001) }));
    receive(action("fillInput", { text: "hi" }, { requestId: undefined }));
    receive(action("fillInput", { text: "hi" }, { appName: "Impostor" }));
    await flush();
    expect(posted.map((p) => `${String(p.message["requestId"])} ${String(p.message["errorCode"])}: ${String(p.message["error"])}`)).toEqual([
      'req-1 UNKNOWN_ACTION: Unknown action "dropDatabase"; known actions: fillInput, sendMessage, navigateToTicket, refreshToken.',
      "req-1 WRONG_SCREEN: navigateToTicket works on the TICKETS screen; this app is on CHATS.",
      "req-1 INVALID_PAYLOAD: payload.text must be at most 5000 characters (got 5001).",
      " MALFORMED: requestId must be a string of 1–100 characters.",
      'req-1 WRONG_APP: The message names app "Impostor", but this frame is "SLA guardian".',
    ]);
  });

  it("ignores messages that are not actions of its vocabulary", async () => {
    const { receive, posted, flush } = setup();
    receive("hello");
    receive({ messageType: "BM_WIDGET_ACTION", widgetName: APP.name, action: "fillInput", screen: "CHATS", payload: { text: "x" }, requestId: "r" });
    receive({ type: "webpackOk" });
    await flush();
    expect(posted).toEqual([]);
  });

  it("limits each app to a burst, then a rate", async () => {
    const { receive, action, posted, flush, tick } = setup({ rate: { capacity: 3, perSecond: 1 } });
    for (let i = 0; i < 4; i++) receive(action("fillInput", { text: `t${i}` }, { requestId: `r${i}` }));
    await flush();
    expect(posted).toHaveLength(4);
    const byRequest = Object.fromEntries(posted.map((p) => [p.message["requestId"], p.message]));
    expect(byRequest["r3"]).toMatchObject({ success: false, errorCode: "RATE_LIMITED", error: "Too many actions; retry in 1000 ms." });
    expect([byRequest["r0"], byRequest["r1"], byRequest["r2"]].every((m) => m?.["success"] === true)).toBe(true);
    tick(1000);
    receive(action("fillInput", { text: "later" }, { requestId: "r4" }));
    await flush();
    expect(posted.at(-1)?.message).toMatchObject({ requestId: "r4", success: true });
  });

  it("turns a throwing callback into a failure with its message, and a hung one into a timeout", async () => {
    vi.useFakeTimers();
    const { receive, action, posted, callbacks, refusals } = setup({ actionTimeoutMs: 500 });
    vi.mocked(callbacks.sendMessage).mockRejectedValueOnce(new Error("The conversation is closed."));
    receive(action("sendMessage", { text: "hi" }, { requestId: "a" }));
    vi.mocked(callbacks.sendMessage).mockReturnValueOnce(new Promise(() => {}));
    receive(action("sendMessage", { text: "hi" }, { requestId: "b" }));
    vi.mocked(callbacks.fillInput).mockImplementationOnce(() => {
      throw new Error("no reply box");
    });
    receive(action("fillInput", { text: "hi" }, { requestId: "c" }));
    await vi.advanceTimersByTimeAsync(500);
    const byRequest = Object.fromEntries(posted.map((p) => [p.message["requestId"], p.message]));
    expect(byRequest["a"]).toMatchObject({ success: false, errorCode: "FAILED", error: "The conversation is closed." });
    expect(byRequest["b"]).toMatchObject({ success: false, errorCode: "TIMEOUT", error: "sendMessage took longer than 500 ms." });
    expect(byRequest["c"]).toMatchObject({ success: false, errorCode: "FAILED", error: "no reply box" });
    expect(refusals.sort()).toEqual(["FAILED", "FAILED", "TIMEOUT"]);
  });

  it("never posts to '*'", async () => {
    const { receive, action, posted, host, frame, flush } = setup();
    frame.load();
    host.emit("chat:selected", { customerId: "c" });
    receive(action("fillInput", { text: "x" }));
    receive(action("nope", {}), { origin: "https://evil.test" });
    await flush();
    expect(posted.length).toBe(4);
    expect(posted.every((p) => p.origin !== "*" && p.origin.startsWith("http"))).toBe(true);
  });

  it("stops listening and answering once disposed", async () => {
    const { receive, action, posted, host, frame, callbacks, flush } = setup();
    host.dispose();
    receive(action("fillInput", { text: "x" }));
    frame.load();
    host.emit("chat:selected", { customerId: "c" });
    await flush();
    expect(callbacks.fillInput).not.toHaveBeenCalled();
    expect(posted).toEqual([]);
  });
});

describe("the seed's dialect", () => {
  it("speaks BM_WIDGET_* with widgetName and widget:ready, and the same checks", async () => {
    const app: HostedApp = { ...APP, protocol: "bm-widget" };
    const { receive, posted, frame, callbacks, flush } = setup({ app, screen: "TICKETS" });
    frame.load();
    const message = { messageType: "BM_WIDGET_ACTION", widgetName: app.name, action: "navigateToTicket", screen: "TICKETS", payload: { ticketCode: "TK-7" }, requestId: "req_abc" };
    receive(message);
    receive({ ...message, requestId: "req_def", action: "fillInput", screen: "CHATS", payload: { text: "x" } });
    receive({ ...message, messageType: "OPENCOM_APP_ACTION", appName: app.name });
    await flush();
    expect(callbacks.navigateToTicket).toHaveBeenCalledWith("TK-7");
    expect(posted.map((p) => p.message)).toEqual([
      { messageType: "BM_WIDGET_EVENT", event: "widget:ready", screen: "TICKETS", payload: { screen: "TICKETS" }, timestamp: 1_000 },
      // Refusals go out at once; the navigation's answer once the inbox has done it.
      { messageType: "BM_WIDGET_ACTION_RESPONSE", requestId: "req_def", success: false, errorCode: "WRONG_SCREEN", error: "fillInput works on the CHATS screen; this app is on TICKETS." },
      { messageType: "BM_WIDGET_ACTION_RESPONSE", requestId: "req_abc", success: true },
    ]);
  });
});

describe("which apps the inbox frames", () => {
  it("refuses an app served from, or allowing, the inbox's own origin", () => {
    const own = { ...APP, url: `${INBOX}/evil`, allowedOrigins: [INBOX] };
    expect(checkHostable(own, INBOX)).toEqual({ ok: false, reason: `The app "SLA guardian" is served from the inbox's own origin; apps must have an origin of their own.` });
    expect(checkHostable({ ...APP, allowedOrigins: [...APP.allowedOrigins, "http://127.0.0.1:5174"] }, INBOX)).toMatchObject({ ok: false });
    expect(() => setup({ app: own })).toThrow(AppRefusedError);
    expect(checkHostable(APP, INBOX)).toEqual({ ok: true, origin: APP_ORIGIN });
    expect(checkHostable({ ...APP, url: "javascript:alert(1)" }, INBOX)).toMatchObject({ ok: false, reason: expect.stringContaining("has a URL that") });
  });
});
