// A single-page app and the widget's lifecycle:
// - navigation with history.pushState: the widget records a page view per route by itself
//   (trackPageViews, on by default), no code needed;
// - log in: OpencomWidget.identify(user) links the visitor to your user;
// - log out: OpencomWidget.destroy() ends the widget and logs its session out everywhere (a
//   shared computer's next user never sees the previous user's conversations), then init()
//   starts an anonymous one again.
// In production, identify with a userHash or userJwt made by your server (docs/security.md).

const PAGES = {
  "/spa/": ["Home", "A single-page app: links change the URL with history.pushState, and the widget records a page view for each."],
  "/spa/pricing": ["Pricing", "Starter, Growth and Enterprise plans."],
  "/spa/account": ["Account", "Your profile and billing."],
};

const widgetScript = document.querySelector("script[data-opencom-convex-url]");
const widgetConfig = {
  convexUrl: widgetScript.dataset.opencomConvexUrl,
  workspaceId: widgetScript.dataset.opencomWorkspaceId,
};

function render(path) {
  const [title, text] = PAGES[path] ?? PAGES["/spa/"];
  document.title = `${title} · SPA example`;
  document.getElementById("page-title").textContent = title;
  document.getElementById("page-text").textContent = text;
  for (const link of document.querySelectorAll("a[data-route]")) {
    if (link.getAttribute("href") === path) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a[data-route]") : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  const path = link.getAttribute("href");
  if (path !== location.pathname) history.pushState({}, "", path);
  render(path);
});
window.addEventListener("popstate", () => render(location.pathname));

function showSession(user) {
  document.getElementById("login").hidden = user !== null;
  document.getElementById("logged-in").hidden = user === null;
  document.getElementById("who").textContent = user ? `Signed in as ${user.email}` : "";
}

document.getElementById("login").addEventListener("submit", (event) => {
  event.preventDefault();
  const email = new FormData(event.currentTarget).get("email");
  // Your backend would answer with the user and its identity proof.
  const user = { userId: `user-${email}`, email, name: email.split("@")[0] };
  window.OpencomWidget.identify(user);
  showSession(user);
});

document.getElementById("logout").addEventListener("click", () => {
  window.OpencomWidget.destroy();
  window.OpencomWidget.init(widgetConfig);
  showSession(null);
});

render(location.pathname);
showSession(null);
