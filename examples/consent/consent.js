// A consent banner in the style of a CMP: the widget's script is added to the page only after
// "Accept", and only then does anything of the widget load (no request, no storage, no socket).
// Your CMP's callback (OneTrust, Cookiebot, Didomi, …) would call loadWidget() instead.
const CONSENT_KEY = "example-consent-functional";
const config = document.currentScript;

function loadWidget() {
  if (document.querySelector("script[data-opencom-injected]")) return;
  const script = document.createElement("script");
  // A page that enforces Trusted Types needs a policy for this assignment; the widget itself
  // needs none (docs/csp.md).
  script.src = config.dataset.widgetSrc;
  script.async = true;
  script.dataset.opencomInjected = "";
  for (const attribute of config.getAttributeNames()) {
    if (attribute.startsWith("data-opencom-")) script.setAttribute(attribute, config.getAttribute(attribute));
  }
  document.head.append(script);
}

function unloadWidget() {
  // Consent withdrawn: end the widget (its session is logged out and its UI removed).
  window.OpencomWidget?.destroy();
}

function showBanner(show) {
  document.getElementById("cmp").hidden = !show;
  if (show) document.getElementById("cmp-accept").focus();
}

function decide(accepted) {
  localStorage.setItem(CONSENT_KEY, accepted ? "granted" : "denied");
  showBanner(false);
  if (accepted) loadWidget();
  else unloadWidget();
}

document.getElementById("cmp-accept").addEventListener("click", () => decide(true));
document.getElementById("cmp-reject").addEventListener("click", () => decide(false));
document.getElementById("consent-settings").addEventListener("click", () => showBanner(true));

const stored = localStorage.getItem(CONSENT_KEY);
if (stored === "granted") loadWidget();
else if (stored === null) showBanner(true);
