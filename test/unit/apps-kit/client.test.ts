import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppProtocol } from "../../../core/apps/protocol";
import type { AppHostCallbacks, AppHostOptions } from "../../../inbox/apps/host";
import { mountAppHost } from "../../../inbox/apps/host";
import { AppActionError, createAppClient } from "../../../src/apps-kit/client";
import { readAppToken } from "../../../src/apps-kit/token";

const INBOX = "http://127.0.0.1:5174";
const APP_ORIGIN = "http://drafter.localhost:5182";

/**
 * The inbox's window and the app's window, wired as a browser wires a parent and its
 * iframe: each postMessage arrives later, as a structured clone, with the sender's
 * origin and window, and only when the target origin matches the receiver's.
 */
function twoWindows() {
  const inboxTarget = new EventTarget();
  const appTarget = new EventTarget();
  const deliver = (target: EventTarget, receiverOrigin: string, senderOrigin: string, source: object) =>
    vi.fn((message: unknown, targetOrigin: string) => {
      if (targetOrigin !== receiverOrigin) return; // the browser drops it
      setTimeout(() => target.dispatchEvent(new MessageEvent("message", { data: structuredClone(message), origin: senderOrigin, source: source as never })), 0);
    });
  const inboxWindow = { postMessage: (() => {}) as Window["postMessage"] };
  const appWindow = {
    addEventListener: appTarget.addEventListener.bind(appTarget),
    removeEventListener: appTarget.removeEventListener.bind(appTarget),
    dispatchEvent: appTarget.dispatchEvent.bind(appTarget),
    parent: inboxWindow,
    location: { ancestorOrigins: [INBOX] },
    document: { referrer: "" },
    postMessage: deliver(appTarget, APP_ORIGIN, INBOX, inboxWindow),
  };
  inboxWindow.postMessage = deliver(inboxTarget, INBOX, APP_ORIGIN, appWindow) as never;
  const frameEvents = new EventTarget();
  const frame = {
    contentWindow: appWindow,
    addEventListener: frameEvents.addEventListener.bind(frameEvents),
    removeEventListener: frameEvents.removeEventListener.bind(frameEvents),
    load: () => frameEvents.dispatchEvent(new Event("load")),
  };
  return { inboxTarget, appWindow, frame, inboxWindow };
}

function connect(protocol: AppProtocol, screen: "CHATS" | "TICKETS") {
  const { inboxTarget, appWindow, frame } = twoWindows();
  const callbacks: AppHostCallbacks = { fillInput: vi.fn(), sendMessage: vi.fn(), navigateToTicket: vi.fn(), getToken: vi.fn(async () => "new.token") };
  const host = mountAppHost({
    frame: frame as unknown as AppHostOptions["frame"],
    app: { name: "Drafter", url: `${APP_ORIGIN}/`, allowedOrigins: ["http://*.localhost:5182"], protocol },
    screen,
    callbacks,
    inboxOrigin: INBOX,
    messageTarget: inboxTarget as unknown as Window,
  });
  const client = createAppClient({ appName: "Drafter", protocol, window: appWindow as unknown as Window, timeoutMs: 200 });
  return { host, client, callbacks, frame, appWindow };
}

afterEach(() => vi.useRealTimers());

describe("the kit against the inbox's host", () => {
  it("gets ready, receives typed events and runs actions, in our vocabulary", async () => {
    const { host, client, callbacks, frame } = connect("opencom", "CHATS");
    const selected = vi.fn();
    client.on("chat:selected", selected);
    frame.load();
    host.emit("chat:selected", { customerId: "v1", customerName: "Ada", platform: "WEBCHAT" });
    await expect(client.ready).resolves.toBe("CHATS");
    await vi.waitFor(() => expect(selected).toHaveBeenCalledWith({ customerId: "v1", customerName: "Ada", platform: "WEBCHAT" }, expect.objectContaining({ screen: "CHATS" })));
    await expect(client.fillInput("Draft reply")).resolves.toBeUndefined();
    expect(callbacks.fillInput).toHaveBeenCalledWith("Draft reply");
    await expect(client.refreshToken()).resolves.toBe("new.token");
    const refused = client.navigateToTicket("TK-1");
    await expect(refused).rejects.toBeInstanceOf(AppActionError);
    await expect(refused).rejects.toMatchObject({ code: "WRONG_SCREEN", message: "navigateToTicket works on the TICKETS screen; this app is on CHATS." });
    await expect(client.sendMessage("x".repeat(5001))).rejects.toMatchObject({ code: "INVALID_PAYLOAD" });
    client.destroy();
    host.dispose();
  });

  it("speaks the vendor dialect when asked to", async () => {
    const { host, client, callbacks, frame } = connect("bm-widget", "TICKETS");
    const statusChanged = vi.fn();
    client.on("ticket:statusChanged", statusChanged);
    frame.load();
    await expect(client.ready).resolves.toBe("TICKETS");
    host.emit("ticket:statusChanged", { ticketCode: "TK-3", previousState: "NEW", newState: "OPEN", metrics: {} });
    await vi.waitFor(() => expect(statusChanged).toHaveBeenCalledTimes(1));
    await client.navigateToTicket("TK-3");
    expect(callbacks.navigateToTicket).toHaveBeenCalledWith("TK-3");
    client.destroy();
    host.dispose();
  });

  it("rejects with NO_ANSWER when the inbox stays silent, and on destroy", async () => {
    const { client, appWindow } = connect("opencom", "CHATS");
    // Nothing hosts this one: a window whose parent never answers.
    const silent = createAppClient({ appName: "Drafter", window: { ...appWindow, parent: { postMessage: vi.fn() } } as unknown as Window, timeoutMs: 50 });
    await expect(silent.fillInput("x")).rejects.toMatchObject({ code: "NO_ANSWER" });
    const pending = silent.fillInput("y");
    silent.destroy();
    await expect(pending).rejects.toMatchObject({ code: "NO_ANSWER", message: "The app client was destroyed." });
    client.destroy();
  });

  it("ignores messages from any origin but the inbox's, or from another window", () => {
    const { appWindow } = twoWindows();
    const client = createAppClient({ appName: "Drafter", window: appWindow as unknown as Window });
    const listener = vi.fn();
    client.on("chat:selected", listener);
    const event = { messageType: "OPENCOM_APP_EVENT", event: "chat:selected", screen: "CHATS", payload: { customerId: "x" }, timestamp: 1 };
    const fire = (origin: string, source: unknown) => appWindow.dispatchEvent(new MessageEvent("message", { data: event, origin, source: source as never }));
    fire("https://evil.test", appWindow.parent);
    fire(INBOX, {});
    expect(listener).not.toHaveBeenCalled();
    fire(INBOX, appWindow.parent);
    expect(listener).toHaveBeenCalledTimes(1);
    client.destroy();
  });

  it("needs the inbox's origin when the browser cannot tell it", () => {
    const lost = { addEventListener() {}, removeEventListener() {}, parent: {}, location: {}, document: { referrer: "" } };
    expect(() => createAppClient({ appName: "A", window: lost as unknown as Window })).toThrow(/pass inboxOrigin/);
  });
});

describe("readAppToken", () => {
  it("reads the protocol's parameter", () => {
    expect(readAppToken("?opencomToken=a.b.c&x=1")).toBe("a.b.c");
    expect(readAppToken("?bmtoken=d.e.f", "bm-widget")).toBe("d.e.f");
    expect(readAppToken("?bmtoken=d.e.f")).toBeNull();
  });
});
