// A minimal agent console over the REST admin API: lists conversations and replies to
// them. Polls every 1.5 s (fine for a demo). Text is always set with textContent.

const POLL_MS = 1500;
const KEY_STORAGE = "opencom-console";

/** Config injected by scripts/dev.mjs, else what the operator typed (kept per tab). */
function readConfig() {
  const injected = document.getElementById("opencom-console-config");
  if (injected) {
    try {
      const value = JSON.parse(injected.textContent ?? "");
      if (value.apiBase && value.apiKey) return value;
    } catch {
      // fall through to the form
    }
  }
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY_STORAGE) ?? "null");
    if (stored?.apiBase && stored?.apiKey) return stored;
  } catch {
    // ignore
  }
  return null;
}

const $ = (id) => document.getElementById(id);
const state = { config: null, selectedId: null, conversations: [], lastMessagesJson: "" };

async function api(path, init = {}) {
  const response = await fetch(`${state.config.apiBase}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${state.config.apiKey}`, "Content-Type": "application/json", ...init.headers },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return body.data;
}

function setStatus(text, isError = false) {
  $("status").textContent = text;
  $("status").classList.toggle("error", isError);
}

function timeAgo(timestamp) {
  const seconds = Math.max(0, Math.round((Date.now() - timestamp) / 1000));
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h ago`;
  return new Date(timestamp).toLocaleDateString();
}

function visitorName(conversation) {
  const visitor = conversation.visitor ?? {};
  // Anonymous visitors get a short, stable label from the start of their id.
  const shortId = String(visitor.id ?? "").replace(/[^a-z0-9]/gi, "").slice(0, 6);
  return visitor.name || visitor.email || `Anonymous visitor ${shortId}`;
}

function renderInbox() {
  const list = $("conversations");
  list.replaceChildren(
    ...state.conversations.map((conversation) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "conversation";
      if (conversation.id === state.selectedId) button.setAttribute("aria-current", "true");
      const name = document.createElement("strong");
      name.textContent = visitorName(conversation);
      const when = document.createElement("span");
      when.className = "when";
      when.textContent = timeAgo(conversation.lastMessageAt);
      const preview = document.createElement("span");
      preview.className = "preview";
      preview.textContent = conversation.lastMessagePreview;
      button.append(name, when, preview);
      if (conversation.unreadByAgent > 0) {
        const badge = document.createElement("span");
        badge.className = "badge";
        badge.textContent = String(conversation.unreadByAgent);
        badge.title = `${conversation.unreadByAgent} unread`;
        button.append(badge);
      }
      button.addEventListener("click", () => select(conversation.id));
      item.append(button);
      return item;
    }),
  );
  $("inbox-empty").hidden = state.conversations.length > 0;
}

function renderMessages(messages) {
  const json = JSON.stringify(messages);
  if (json === state.lastMessagesJson) return; // nothing new: keep the scroll position
  state.lastMessagesJson = json;
  const list = $("messages");
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  list.replaceChildren(
    ...messages.map((message) => {
      const item = document.createElement("li");
      item.className = `message from-${message.senderType}`;
      const meta = document.createElement("span");
      meta.className = "meta";
      const who = message.senderType === "visitor" ? "Visitor" : (message.senderName ?? message.senderType);
      meta.textContent = `${who} · ${new Date(message.createdAt).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" })}`;
      const body = document.createElement("p");
      body.textContent = message.body;
      item.append(meta, body);
      return item;
    }),
  );
  if (nearBottom) list.scrollTop = list.scrollHeight;
}

async function refreshInbox() {
  const status = $("filter").value;
  state.conversations = await api(`/conversations?limit=100${status ? `&status=${status}` : ""}`);
  renderInbox();
}

async function refreshThread() {
  if (!state.selectedId) return;
  renderMessages(await api(`/conversations/${encodeURIComponent(state.selectedId)}/messages`));
  const conversation = state.conversations.find((c) => c.id === state.selectedId);
  if (conversation) {
    $("thread-title").textContent = visitorName(conversation);
    const visitor = conversation.visitor ?? {};
    $("thread-meta").textContent = [visitor.email, visitor.userId && `user ${visitor.userId}`, conversation.status]
      .filter(Boolean)
      .join(" · ");
    $("close-conversation").hidden = conversation.status !== "open";
  }
}

async function select(id) {
  state.selectedId = id;
  state.lastMessagesJson = "";
  $("reply").hidden = false;
  renderInbox();
  await refreshThread().catch((error) => setStatus(error.message, true));
  $("reply-text").focus();
}

async function poll() {
  try {
    await refreshInbox();
    await refreshThread();
    setStatus(`Live · ${state.conversations.length} conversation${state.conversations.length === 1 ? "" : "s"}`);
  } catch (error) {
    setStatus(`Cannot reach the API: ${error.message}`, true);
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

async function sendReply(event) {
  event.preventDefault();
  const text = $("reply-text").value.trim();
  if (!text || !state.selectedId) return;
  const button = $("reply").querySelector("button[type=submit]");
  button.disabled = true;
  try {
    await api(`/conversations/${encodeURIComponent(state.selectedId)}/messages`, {
      method: "POST",
      body: JSON.stringify({ text, authorName: $("agent-name").value.trim() || undefined }),
    });
    $("reply-text").value = "";
    await refreshThread();
  } catch (error) {
    setStatus(`Reply failed: ${error.message}`, true);
  } finally {
    button.disabled = false;
    $("reply-text").focus();
  }
}

function start(config) {
  state.config = config;
  $("key-form").hidden = true;
  $("layout").hidden = false;
  $("reply").addEventListener("submit", sendReply);
  $("reply-text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) $("reply").requestSubmit();
  });
  $("filter").addEventListener("change", () => refreshInbox().catch(() => {}));
  $("close-conversation").addEventListener("click", async () => {
    await api(`/conversations/${encodeURIComponent(state.selectedId)}/close`, { method: "POST" }).catch((error) =>
      setStatus(error.message, true),
    );
    await refreshInbox().catch(() => {});
    await refreshThread().catch(() => {});
  });
  poll();
}

const config = readConfig();
if (config) {
  start(config);
} else {
  const form = $("key-form");
  form.hidden = false;
  form.apiBase.value = "http://127.0.0.1:3211/api/v1";
  setStatus("Not connected");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const entered = { apiBase: form.apiBase.value.replace(/\/$/, ""), apiKey: form.apiKey.value.trim() };
    sessionStorage.setItem(KEY_STORAGE, JSON.stringify(entered));
    start(entered);
  });
}
