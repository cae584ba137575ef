import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppFrame } from "../../../inbox/apps/app-frame";
import { appFrameUrl } from "../../../inbox/apps/frame-url";
import type { AppHostCallbacks } from "../../../inbox/apps/host";

const INBOX = "http://127.0.0.1:5174";
const app = { id: "app1", name: "Reply drafter", url: "http://127.0.0.1:5182/draft/?lang=en#top", allowedOrigins: ["http://127.0.0.1:5182"], protocol: "opencom" as const };

function callbacks(token: Promise<string> = Promise.resolve("tok.en.x")): AppHostCallbacks {
  return { fillInput: vi.fn(), sendMessage: vi.fn(), navigateToTicket: vi.fn(), getToken: vi.fn(() => token) };
}

let root: HTMLElement | null = null;
afterEach(() => {
  if (root === null) return;
  render(null, root);
  root.remove();
  root = null;
});

/** Renders and lets the token promise settle; returns the container. */
async function show(node: preact.ComponentChild): Promise<HTMLElement> {
  const container = document.createElement("div");
  root = container;
  document.body.append(container);
  await act(async () => {
    render(node, container);
  });
  await act(async () => {});
  return container;
}

describe("appFrameUrl", () => {
  it("adds the token under the protocol's parameter, keeping query and fragment", () => {
    expect(appFrameUrl(app.url, "opencom", "a.b.c")).toBe("http://127.0.0.1:5182/draft/?lang=en&opencomToken=a.b.c#top");
    expect(appFrameUrl("https://x.test/?bmtoken=old", "bm-widget", "new")).toBe("https://x.test/?bmtoken=new");
  });
});

describe("AppFrame", () => {
  it("renders a sandboxed iframe titled with the app's name, at its URL plus the token", async () => {
    const onHost = vi.fn();
    const root = await show(<AppFrame app={app} screen="CHATS" callbacks={callbacks()} inboxOrigin={INBOX} onHost={onHost} />);
    const frame = root.querySelector("iframe");
    expect(frame?.getAttribute("title")).toBe("Reply drafter");
    expect(frame?.getAttribute("sandbox")).toBe("allow-scripts allow-forms allow-same-origin");
    expect(frame?.getAttribute("src")).toBe("http://127.0.0.1:5182/draft/?lang=en&opencomToken=tok.en.x#top");
    expect(onHost).toHaveBeenCalledWith(expect.objectContaining({ emit: expect.any(Function), dispose: expect.any(Function) }));
    render(null, root);
    expect(onHost).toHaveBeenLastCalledWith(null);
  });

  it("puts a bm-widget app's token in bmtoken", async () => {
    const root = await show(<AppFrame app={{ ...app, protocol: "bm-widget" }} screen="TICKETS" callbacks={callbacks()} inboxOrigin={INBOX} />);
    expect(root.querySelector("iframe")?.getAttribute("src")).toContain("bmtoken=tok.en.x");
  });

  it("refuses an app on the inbox's own origin without asking for a token or loading it", async () => {
    const own = callbacks();
    const root = await show(<AppFrame app={{ ...app, url: `${INBOX}/x`, allowedOrigins: [INBOX] }} screen="CHATS" callbacks={own} inboxOrigin={INBOX} />);
    expect(root.querySelector("iframe")).toBeNull();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain("served from the inbox's own origin");
    expect(own.getToken).not.toHaveBeenCalled();
  });

  it("says why when no token could be had", async () => {
    const root = await show(<AppFrame app={app} screen="CHATS" callbacks={callbacks(Promise.reject(new Error("Sign in again.")))} inboxOrigin={INBOX} />);
    expect(root.querySelector("iframe")).toBeNull();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe("Reply drafter could not be opened: Sign in again.");
  });
});
