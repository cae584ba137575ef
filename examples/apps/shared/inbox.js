// The app side of the inbox protocol (OPENCOM_APP_*), in plain browser JavaScript so the
// examples need no build. The package's kit (`opencom-widget/apps`) does the same with
// types and token verification; this copy is here so the examples run from static files.

/** The inbox's origin: the browser's record of who framed us, else the referrer (origin only). */
export function inboxOrigin() {
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  if (document.referrer) return new URL(document.referrer).origin;
  throw new Error("Open this page inside the Opencom inbox.");
}

/** Connects to the inbox: `on(event, fn)` and `act(action, payload)` returning a promise. */
export function connect(appName) {
  const origin = inboxOrigin();
  const listeners = new Map();
  const pending = new Map();
  let screen = null;
  let counter = 0;

  window.addEventListener("message", (event) => {
    // Only the inbox that framed us, from its own window.
    if (event.origin !== origin || event.source !== window.parent) return;
    const data = event.data;
    if (data?.messageType === "OPENCOM_APP_EVENT") {
      if (data.event === "app:ready") screen = data.screen;
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload, data);
    } else if (data?.messageType === "OPENCOM_APP_ACTION_RESPONSE") {
      const waiting = pending.get(data.requestId);
      if (!waiting) return;
      pending.delete(data.requestId);
      if (data.success) waiting.resolve(data.data);
      else waiting.reject(new Error(data.error || "The inbox refused the action."));
    }
  });

  return {
    get screen() {
      return screen;
    },
    on(name, listener) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name).add(listener);
    },
    act(action, payload) {
      const requestId = `req_${Date.now().toString(36)}_${counter++}`;
      return new Promise((resolve, reject) => {
        pending.set(requestId, { resolve, reject });
        window.parent.postMessage({ messageType: "OPENCOM_APP_ACTION", appName, action, screen: screen ?? "CHATS", payload, requestId }, origin);
        setTimeout(() => {
          if (pending.delete(requestId)) reject(new Error(`The inbox did not answer ${action}.`));
        }, 15000);
      });
    },
  };
}

/** The token's claims, read without verifying (display only; verify on your server or with the kit). */
export function tokenClaims(param = "opencomToken") {
  const token = new URLSearchParams(window.location.search).get(param);
  if (!token) return null;
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch {
    return null;
  }
}
