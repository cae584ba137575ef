// A custom widget written only from the vendor's "custom widgets" guide, with none of our
// code: BM_WIDGET_* messages, `widgetName`, `widget:ready`, the token in `bmtoken`, the
// ticket events with SLA metrics, and navigateToTicket. It runs unchanged in the Opencom
// inbox when registered with `protocol: "bm-widget"`. It posts its actions to '*' because
// the guide does; the inbox answers only to this frame's exact origin, whatever the app does.
(function () {
  var WIDGET_NAME = "Ticket SLA card"; // must match the registered name

  var token = new URLSearchParams(window.location.search).get("bmtoken");
  function decode(jwt) {
    try {
      return JSON.parse(atob(jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    } catch (error) {
      return null;
    }
  }
  var claims = token ? decode(token) : null;
  document.getElementById("who").textContent = claims
    ? "Signed in as " + (claims.email || claims.sub) + " · " + claims["custom-widget-name"]
    : "No token.";

  var screen = null;
  function sendAction(action, payload) {
    var message = {
      messageType: "BM_WIDGET_ACTION",
      widgetName: WIDGET_NAME,
      action: action,
      screen: screen || "TICKETS",
      payload: payload,
      requestId: "req_" + Math.random().toString(36).substring(2, 11),
    };
    window.parent.postMessage(message, "*");
  }

  function showMetrics(metrics) {
    var table = document.getElementById("metrics");
    table.textContent = "";
    Object.keys(metrics || {}).forEach(function (key) {
      var metric = metrics[key];
      var row = table.insertRow();
      row.insertCell().textContent = key;
      row.insertCell().textContent = Math.round(metric.ticksMillis / 60000) + " min";
      row.insertCell().textContent = metric.thresholdMillis ? "goal " + Math.round(metric.thresholdMillis / 60000) + " min" : "no goal";
      row.insertCell().textContent = metric.isBreached ? "BREACHED" : metric.isPaused ? "paused (" + metric.pauseReason + ")" : metric.finished ? "done" : "running";
    });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data) return;
    if (data.messageType === "BM_WIDGET_EVENT") {
      var payload = data.payload;
      if (data.event === "widget:ready") screen = data.screen;
      if (data.event === "ticket:selected") {
        document.getElementById("ticket").textContent = payload.ticketCode + " · " + payload.subject + " · " + payload.state + " · " + payload.priority;
        showMetrics(payload.metrics);
      }
      if (data.event === "ticket:statusChanged") {
        document.getElementById("status").textContent = payload.ticketCode + ": " + payload.previousState + " → " + payload.newState;
        showMetrics(payload.metrics);
      }
      if (data.event === "tickets:queueSummary") {
        var list = document.getElementById("queue");
        list.textContent = "";
        payload.tickets.forEach(function (ticket) {
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = "Open " + ticket.ticketCode;
          button.addEventListener("click", function () {
            sendAction("navigateToTicket", { ticketCode: ticket.ticketCode });
          });
          var item = document.createElement("li");
          item.appendChild(button);
          list.appendChild(item);
        });
      }
    }
    if (data.messageType === "BM_WIDGET_ACTION_RESPONSE") {
      document.getElementById("status").textContent = data.success ? "Done (" + data.requestId + ")" : "Failed: " + data.error;
    }
  });
})();
