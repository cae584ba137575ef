// A launcher of your own: the "Help" button in the page's header opens and closes the
// messenger, shows the unread count, and says whether the messenger is open.
//
// window.opencomSettings is merged over the script tag's data-opencom-* attributes when
// widget.js runs, so it must be set before (this file is not async). hideDefaultLauncher hides
// the widget's round launcher; customLauncherSelector makes every matching element a toggle
// (and focus returns to it when the messenger closes). Pages that need more control can call
// OpencomWidget.open(), close() or toggle() from their own handlers instead.
window.opencomSettings = { hideDefaultLauncher: true, customLauncherSelector: "#help" };

document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("help");
  const badge = document.getElementById("help-unread");
  const widget = window.OpencomWidget; // widget.js has run by now, or will queue these calls
  const wire = (api) => {
    api.on("open", () => button.setAttribute("aria-expanded", "true"));
    api.on("close", () => button.setAttribute("aria-expanded", "false"));
    api.on("unreadCountChange", ({ unreadCount }) => {
      badge.hidden = unreadCount === 0;
      badge.textContent = String(unreadCount);
      button.setAttribute("aria-label", unreadCount ? `Help, ${unreadCount} unread` : "Help");
    });
  };
  if (widget) wire(widget);
  else document.querySelector("script[src$='/widget.js']").addEventListener("load", () => wire(window.OpencomWidget));
});
