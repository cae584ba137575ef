// Records every message it gets, and fires every action under a given app name.
window.received = [];
window.addEventListener("message", (event) => window.received.push(event.data));
window.fire = (appName, screen) => {
  for (const [action, payload] of [["fillInput", { text: "pwned" }], ["sendMessage", { text: "pwned" }], ["navigateToTicket", { ticketCode: "TK-1" }], ["refreshToken", {}]]) {
    window.parent.postMessage({ messageType: "OPENCOM_APP_ACTION", appName, action, screen, payload, requestId: `hostile-${action}` }, "*");
  }
};
