import { afterEach, describe, expect, it, vi } from "vitest";
import { convexError, FakeClient } from "../helpers/fake-client";
import { destroyWidgets, launcher, shadow, startWidget, until } from "../helpers/widget";

afterEach(() => {
  destroyWidgets();
  document.body.replaceChildren();
  vi.useRealTimers();
});

const log = () => shadow().querySelector<HTMLElement>("[role=log]");
const bubbles = () => [...shadow().querySelectorAll<HTMLElement>(".oc-bubble")].map((b) => b.textContent);
const textarea = () => shadow().querySelector<HTMLTextAreaElement>("textarea[aria-label=Message]")!;
const button = (name: string) =>
  [...shadow().querySelectorAll<HTMLButtonElement>("button")].find(
    (b) => (b.getAttribute("aria-label") ?? b.textContent?.trim()) === name,
  ) ?? null;

async function openPanel(client = new FakeClient()) {
  const widget = startWidget({ client });
  await until(() => !shadow().querySelector(".oc-root")!.hasAttribute("hidden"));
  launcher().click();
  await until(() => button("New conversation"));
  return widget;
}

async function startConversation() {
  button("New conversation")!.click();
  await until(() => textarea());
}

function send(text: string) {
  textarea().value = text;
  textarea().dispatchEvent(new Event("input", { bubbles: true }));
  textarea().dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
}

const serverMessage = (extra: Record<string, unknown>) => ({
  _id: `m-${Math.random()}`,
  _creationTime: Date.now(),
  conversationId: "conv-1",
  senderType: "agent",
  body: "",
  createdAt: Date.now(),
  ...extra,
});

describe("conversation view", () => {
  it("shows the message at once and swaps in the server copy without duplicating it", async () => {
    let resolveSend: (value: unknown) => void = () => {};
    const client = new FakeClient().on("messages:send", () => new Promise((resolve) => (resolveSend = resolve)));
    await openPanel(client);
    await startConversation();

    send("Hello, I need help with billing");
    await until(() => expect(bubbles()).toEqual(["Hello, I need help with billing"]));
    expect(textarea().value).toBe("");
    expect(log()?.textContent).toContain("Sending…");
    const [call] = client.callsTo("messages:send");
    expect(call?.args).toMatchObject({ body: "Hello, I need help with billing", sessionToken: "wst_1" });
    expect(call?.args).not.toHaveProperty("conversationId");
    const clientMessageId = String(call?.args.clientMessageId);

    resolveSend({ conversationId: "conv-1", messageId: "m-1" });
    await until(() => client.active("messages:list").length === 1);
    expect(client.active("messages:list")[0]?.args).toMatchObject({ conversationId: "conv-1" });

    client.active("messages:list")[0]?.onValue([
      serverMessage({ _id: "m-1", senderType: "visitor", body: "Hello, I need help with billing", clientMessageId }),
    ]);
    await until(() => expect(log()?.textContent).not.toContain("Sending…"));
    expect(bubbles()).toEqual(["Hello, I need help with billing"]);
  });

  it("renders agent replies as text with name, time and a safe avatar", async () => {
    const client = new FakeClient().on("messages:send", () => ({ conversationId: "conv-1", messageId: "m-1" }));
    await openPanel(client);
    await startConversation();
    send("hi");
    await until(() => client.active("messages:list").length === 1);
    client.active("messages:list")[0]?.onValue([
      serverMessage({ senderName: "Ana", senderAvatarUrl: "javascript:alert(1)", body: "<img src=x onerror=alert(1)> hello" }),
      serverMessage({ senderName: "Ana", senderAvatarUrl: "javascript:alert(1)", body: "second line" }),
    ]);
    await until(() => expect(bubbles()).toContain("second line"));
    const group = shadow().querySelector(".oc-theirs")!;
    expect(group.querySelector(".oc-sender")?.textContent).toBe("Ana");
    expect(group.querySelectorAll(".oc-bubble")).toHaveLength(2); // grouped under one name
    expect(group.querySelector("img")).toBeNull(); // javascript: URL → initials instead
    expect(group.querySelector(".oc-avatar")?.textContent).toBe("A");
    expect(group.querySelector("time")).not.toBeNull();
    expect(shadow().querySelector(".oc-bubble img")).toBeNull(); // the body stayed text
    expect(bubbles()[0]).toBe("<img src=x onerror=alert(1)> hello");
  });

  it("marks the conversation read while it is visible", async () => {
    const client = new FakeClient().on("messages:send", () => ({ conversationId: "conv-1", messageId: "m-1" }));
    await openPanel(client);
    await startConversation();
    send("hi");
    await until(() => client.active("messages:list").length === 1);
    client.active("messages:list")[0]?.onValue([serverMessage({ body: "Hello from the team", senderAvatarUrl: "https://cdn.example.com/ana.png" })]);
    await until(() => client.callsTo("conversations:markAsRead").length === 1);
    expect(client.callsTo("conversations:markAsRead")[0]?.args).toMatchObject({ conversationId: "conv-1" });
    expect(shadow().querySelector<HTMLImageElement>(".oc-avatar img")?.src).toBe("https://cdn.example.com/ana.png");
  });

  it("offers Retry for a refused message and resends it with the same clientMessageId", async () => {
    let attempts = 0;
    const client = new FakeClient().on("messages:send", () => {
      attempts++;
      if (attempts === 1) throw convexError({ code: "INVALID_ARGUMENT", message: "Temporarily refused", field: "body" });
      return { conversationId: "conv-1", messageId: "m-1" };
    });
    await openPanel(client);
    await startConversation();
    send("please work");
    await until(() => button("Retry"));
    expect(log()?.textContent).toContain("Not delivered.");
    button("Retry")!.click();
    await until(() => attempts === 2);
    const ids = client.callsTo("messages:send").map((c) => c.args.clientMessageId);
    expect(ids[0]).toBe(ids[1]);
    await until(() => expect(button("Retry")).toBeNull());
  });

  it("opens straight into a new conversation with showNewMessage(text)", async () => {
    const { instance } = startWidget();
    await until(() => !shadow().querySelector(".oc-root")!.hasAttribute("hidden"));
    instance.showNewMessage("I'd like a demo");
    await until(() => expect(textarea().value).toBe("I'd like a demo"));
  });
});

describe("messages home", () => {
  it("lists conversations, newest first, and opens one", async () => {
    const client = new FakeClient();
    await openPanel(client);
    await until(() => client.active("conversations:listForVisitor").length === 1);
    client.active("conversations:listForVisitor")[0]?.onValue([
      { _id: "old", status: "open", lastMessageAt: 1, lastMessagePreview: "Older question", unreadByVisitor: 0 },
      { _id: "new", status: "open", lastMessageAt: Date.now(), lastMessagePreview: "Latest reply", unreadByVisitor: 2 },
    ]);
    await until(() => shadow().querySelectorAll(".oc-row").length === 2);
    const rows = [...shadow().querySelectorAll<HTMLButtonElement>(".oc-row")];
    expect(rows.map((r) => r.querySelector(".oc-row-preview")?.textContent)).toEqual(["Latest reply", "Older question"]);
    expect(rows[0]?.textContent).toContain("2 unread messages");
    rows[0]!.click();
    await until(() => client.active("messages:list").length === 1);
    expect(client.active("messages:list")[0]?.args).toMatchObject({ conversationId: "new" });
    expect(log()).not.toBeNull();
  });

  it("shows an empty state and an error state with a retry", async () => {
    const client = new FakeClient();
    await openPanel(client);
    await until(() => client.active("conversations:listForVisitor").length === 1);
    client.active("conversations:listForVisitor")[0]?.onValue([]);
    await until(() => expect(shadow().textContent).toContain("No conversations yet"));
    client.active("conversations:listForVisitor")[0]?.onError?.(new Error("Server Error"));
    await until(() => button("Try again"));
    button("Try again")!.click();
    await until(() => client.subscriptions.filter((s) => s.name === "conversations:listForVisitor").length === 2);
    expect(client.active("conversations:listForVisitor")).toHaveLength(1); // the old one was dropped
  });

  it("treats a malformed list as an error, not as data", async () => {
    const client = new FakeClient();
    await openPanel(client);
    await until(() => client.active("conversations:listForVisitor").length === 1);
    client.active("conversations:listForVisitor")[0]?.onValue({ not: "a list" });
    await until(() => button("Try again"));
  });

  it("says so when the connection drops for more than a moment", async () => {
    const client = new FakeClient();
    await openPanel(client);
    vi.useFakeTimers();
    client.setConnection({ hasEverConnected: true, isWebSocketConnected: true });
    client.setConnection({ isWebSocketConnected: false });
    await vi.advanceTimersByTimeAsync(1_000);
    const banner = () => shadow().querySelector<HTMLElement>(".oc-banner")!;
    expect(banner().hidden).toBe(true);
    await vi.advanceTimersByTimeAsync(600);
    await vi.advanceTimersByTimeAsync(50);
    expect(banner().hidden).toBe(false);
    expect(banner().textContent).toMatch(/Reconnecting/);
    client.setConnection({ isWebSocketConnected: true });
    await vi.advanceTimersByTimeAsync(50);
    expect(banner().hidden).toBe(true);
  });
});
