// The Tickets screen's queue grouped by SLA urgency, with live countdowns and an alert
// when a ticket breaches; a click opens the ticket in the inbox (navigateToTicket).
import { connect } from "../shared/inbox.js";
import { formatDuration, groupOf, GROUPS, METRIC_LABELS, mostUrgent } from "./urgency.js";

const inbox = connect("SLA guardian");
const tickets = new Map();
const breachedBefore = new Set();
let selected = null;
let total = 0;

const $ = (id) => document.getElementById(id);

function upsert(ticket) {
  tickets.set(ticket.ticketCode, { ...tickets.get(ticket.ticketCode), ...ticket });
}

inbox.on("tickets:queueSummary", (payload) => {
  tickets.clear();
  for (const ticket of payload.tickets) upsert(ticket);
  total = payload.total;
  render();
});
inbox.on("ticket:selected", (ticket) => {
  selected = ticket.ticketCode;
  upsert(ticket);
  render();
});
inbox.on("ticket:statusChanged", ({ ticketCode, newState, metrics }) => {
  if (tickets.has(ticketCode)) upsert({ ticketCode, state: newState, metrics });
  render();
});

function ticketButton(ticket, now) {
  const urgent = mostUrgent(ticket.metrics, now);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "ticket";
  button.dataset.ticket = ticket.ticketCode;
  if (ticket.ticketCode === selected) button.setAttribute("aria-current", "true");
  const title = document.createElement("span");
  title.textContent = `${ticket.ticketCode} · ${ticket.subject}`;
  const clock = document.createElement("span");
  const detail = document.createElement("span");
  detail.className = "muted";
  detail.textContent = `${ticket.priority} · ${ticket.state}${ticket.assignee ? ` · ${ticket.assignee.name}` : ""}`;
  if (urgent) {
    const label = METRIC_LABELS[urgent.key] ?? urgent.key;
    clock.textContent = urgent.breached ? `breached ${formatDuration(-urgent.remaining)} ago` : `${formatDuration(urgent.remaining)} left`;
    clock.className = urgent.breached ? "breached" : urgent.remaining < urgent.threshold * 0.25 ? "at-risk" : "";
    detail.textContent += ` · ${label}${urgent.paused ? " (paused)" : ""}`;
  }
  button.append(title, clock, detail);
  button.addEventListener("click", () => {
    $("status").textContent = `Opening ${ticket.ticketCode}…`;
    inbox.act("navigateToTicket", { ticketCode: ticket.ticketCode }).then(
      () => ($("status").textContent = `Opened ${ticket.ticketCode}.`),
      (error) => ($("status").textContent = `Could not open ${ticket.ticketCode}: ${error.message}`),
    );
  });
  return button;
}

function render() {
  const now = Date.now();
  const groups = new Map(GROUPS.map((group) => [group.id, []]));
  for (const ticket of tickets.values()) groups.get(groupOf(ticket, now)).push(ticket);
  for (const ticket of groups.get("breached")) {
    if (breachedBefore.has(ticket.ticketCode)) continue;
    breachedBefore.add(ticket.ticketCode);
    const urgent = mostUrgent(ticket.metrics, now);
    const alert = document.createElement("p");
    alert.className = "alert";
    alert.textContent = `${ticket.ticketCode} breached its ${METRIC_LABELS[urgent?.key] ?? "SLA"} goal.`;
    $("alerts").append(alert);
  }
  $("summary").textContent = `${tickets.size} of ${total} tickets in the queue.`;
  const container = $("groups");
  // Rebuilt every second: keep keyboard focus on the ticket it was on.
  const focused = document.activeElement?.dataset?.ticket;
  container.replaceChildren();
  for (const group of GROUPS) {
    const members = groups.get(group.id);
    if (members.length === 0) continue;
    members.sort((a, b) => (mostUrgent(a.metrics, now)?.remaining ?? Infinity) - (mostUrgent(b.metrics, now)?.remaining ?? Infinity));
    const section = document.createElement("section");
    section.setAttribute("aria-label", group.label);
    const heading = document.createElement("h2");
    heading.textContent = `${group.label} (${members.length})`;
    const list = document.createElement("ul");
    for (const ticket of members) {
      const item = document.createElement("li");
      item.append(ticketButton(ticket, now));
      list.append(item);
    }
    section.append(heading, list);
    container.append(section);
  }
  if (focused) container.querySelector(`[data-ticket="${CSS.escape(focused)}"]`)?.focus();
}

// Countdowns tick on the app's own clock between events.
setInterval(() => tickets.size > 0 && render(), 1000);
