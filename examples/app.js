// The demo product's own code: client-side navigation (so the widget's SPA page-view
// tracking has something to see) and a few buttons that drive window.OpencomWidget the
// way a customer's app would.

const TITLES = {
  "/": "Overview",
  "/reports": "Reports",
  "/funnels": "Funnels",
  "/retention": "Retention",
  "/settings": "Settings",
};

function showPage(path) {
  const title = TITLES[path] ?? "Overview";
  document.title = `${title} · Acme Analytics`;
  document.getElementById("page-title").textContent = title;
  for (const link of document.querySelectorAll("nav a[data-route]")) {
    if (link.getAttribute("href") === path) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a[data-route]") : null;
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  const path = link.getAttribute("href");
  if (path !== location.pathname) history.pushState({}, "", path);
  showPage(path);
});
window.addEventListener("popstate", () => showPage(location.pathname));
showPage(location.pathname);

// The widget loads asynchronously; calls made before it is ready are queued by its loader.
const widget = () => window.OpencomWidget;

document.getElementById("ask").addEventListener("click", () => {
  widget()?.showNewMessage(`I have a question about the ${document.getElementById("page-title").textContent} report: `);
});

document.getElementById("upgrade").addEventListener("click", () => {
  widget()?.trackEvent("upgrade_clicked", { plan: "growth", daysLeftInTrial: 14 });
  widget()?.showNewMessage("Hi! I'd like to upgrade to the Growth plan.");
});

// The seeded "Get started" checklist completes its "Export a report" task on this event.
document.getElementById("export").addEventListener("click", () => widget()?.trackEvent("report_exported"));
document.getElementById("invite").addEventListener("click", () => widget()?.trackEvent("invite_clicked"));

const signIn = document.getElementById("sign-in");
signIn.addEventListener("click", () => {
  widget()?.identify({ userId: "ada-42", name: "Ada Lovelace", email: "ada@example.com", customAttributes: { plan: "growth" } });
  signIn.textContent = "Signed in as Ada";
  signIn.disabled = true;
});

// An async script has run by the load event at the latest, so the widget (or its queuing
// stand-in) exists by then.
function whenWidget(callback) {
  if (widget()) callback(widget());
  else window.addEventListener("load", () => widget() && callback(widget()), { once: true });
}

whenWidget((api) =>
  api.on("unreadCountChange", ({ unreadCount }) => {
    document.title = `${unreadCount > 0 ? `(${unreadCount}) ` : ""}${document.title.replace(/^\(\d+\) /, "")}`;
  }),
);
