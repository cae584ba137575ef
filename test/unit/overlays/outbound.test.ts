import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mount } from "../../../src/overlays/outbound/index";
import type { OverlayHandle } from "../../../src/overlays/types";
import { until } from "../helpers/widget";
import { buttonNamed, mutateByName, overlayContext } from "./helpers";

const handles: OverlayHandle[] = [];
afterEach(() => {
  for (const handle of handles.splice(0)) handle.destroy();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const message = (patch: Record<string, unknown>) => ({
  id: "m1",
  type: "post",
  title: "News",
  body: "Hello",
  senderName: null,
  buttons: [],
  bannerPosition: "top",
  dismissible: true,
  ...patch,
});

function start(item: unknown) {
  const setup = overlayContext(item, { kind: "outbound" });
  act(() => void handles.push(mount(setup.context)));
  const actions = () => setup.mutations.map((m) => m.args.action);
  return { ...setup, actions };
}

describe("outbound messages", () => {
  it("records the showing, and a url button opens only safe links in a new tab, as a click", async () => {
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    const run = start(message({ buttons: [{ label: "Read", action: "url", url: "https://acme.test/news" }] }));
    await until(() => expect(run.actions()).toEqual(["shown"]));
    act(() => buttonNamed(run.shadow, "Read").click());
    expect(open).toHaveBeenCalledWith("https://acme.test/news", "_blank", "noopener,noreferrer");
    expect(run.actions()).toEqual(["shown", "clicked"]);
    expect(run.context.close).toHaveBeenCalled();

    const evil = start(message({ id: "m2", buttons: [{ label: "Evil", action: "url", url: "javascript:alert(1)" }] }));
    act(() => buttonNamed(evil.shadow, "Evil").click());
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("a click names its button's position, for the message's results", async () => {
    vi.spyOn(window, "open").mockReturnValue(null);
    const buttons = [{ label: "Later", action: "dismiss", url: null }, { label: "Read", action: "url", url: "https://acme.test/news" }];
    const run = start(message({ buttons }));
    await until(() => expect(run.actions()).toEqual(["shown"]));
    act(() => buttonNamed(run.shadow, "Read").click());
    expect(run.mutations.at(-1)?.args).toEqual({ messageId: "m1", action: "clicked", buttonIndex: 1 });
  });

  it("a banner is a labelled region that never takes focus; dismissing records it", async () => {
    const before = document.activeElement;
    const run = start(message({ type: "banner", title: null, body: "Sale today" }));
    const region = run.shadow.querySelector('[role="region"]');
    expect(region?.getAttribute("aria-label")).toBe("Announcement");
    expect(document.activeElement).toBe(before);
    act(() => buttonNamed(run.shadow, "Dismiss").click());
    await until(() => expect(run.actions()).toEqual(["shown", "dismissed"]));
  });

  it("a banner that is not dismissible has no close button", () => {
    const run = start(message({ type: "banner", dismissible: false }));
    expect(() => buttonNamed(run.shadow, "Dismiss")).toThrow();
  });

  it("a chat's Reply starts the conversation from the message and opens the messenger on it", async () => {
    const chat = message({ type: "chat", title: null, senderName: "Grace" }) as { id: string };
    const started: Array<{ name: string; args: Record<string, unknown> }> = [];
    const setup = overlayContext(chat, {
      kind: "outbound",
      mutate: mutateByName((name, args) => {
        started.push({ name, args });
        return name === "outboundMessages:startChat" ? { conversationId: "conversation-1" } : null;
      }),
    });
    act(() => void handles.push(mount(setup.context)));
    expect(setup.shadow.querySelector('[role="dialog"]')?.getAttribute("aria-label")).toBe("Message from Grace");
    act(() => buttonNamed(setup.shadow, "Reply").click());
    await until(() => expect(setup.context.openMessenger).toHaveBeenCalledWith("conversation-1"));
    expect(started).toContainEqual({ name: "outboundMessages:startChat", args: { messageId: chat.id } });
  });

  it("still opens the messenger, on its list, when the chat cannot be started", async () => {
    const setup = overlayContext(message({ type: "chat", title: null, senderName: "Grace" }), {
      kind: "outbound",
      mutate: mutateByName((name) => {
        if (name === "outboundMessages:startChat") throw new Error("offline");
        return null;
      }),
    });
    act(() => void handles.push(mount(setup.context)));
    act(() => buttonNamed(setup.shadow, "Reply").click());
    await until(() => expect(setup.context.openMessenger).toHaveBeenCalledWith(undefined));
  });
});
