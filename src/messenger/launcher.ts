import { CHAT_PATH, CHEVRON_DOWN_PATH } from "./icon-paths";
import { ENGLISH_LAUNCHER, type LauncherStrings } from "../i18n/launcher";

export interface LauncherState {
  open: boolean;
  unread: number;
  /** The panel's code is still downloading. */
  loading: boolean;
  /** Its names in the visitor's language. @default English */
  strings?: LauncherStrings;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const BADGE_ID = "oc-unread";

function icon(doc: Document, className: string, path: string, stroked: boolean): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, "svg");
  svg.setAttribute("class", className);
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const shape = doc.createElementNS(SVG_NS, "path");
  shape.setAttribute("d", path);
  if (stroked) {
    for (const [name, value] of [["fill", "none"], ["stroke", "currentColor"], ["stroke-width", "2.4"], ["stroke-linecap", "round"], ["stroke-linejoin", "round"]]) {
      shape.setAttribute(name as string, value as string);
    }
  } else {
    shape.setAttribute("fill", "currentColor");
  }
  svg.append(shape);
  return svg;
}

/**
 * The round button in the corner, in plain DOM so it appears without the panel's code
 * (and without Preact). Its name is exactly "Open messenger" / "Close messenger" (a
 * contract); the unread count is its description, so the name stays stable.
 */
export function createLauncher(doc: Document, onToggle: () => void) {
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "oc-launcher";
  button.setAttribute("aria-haspopup", "dialog");
  button.addEventListener("click", onToggle);

  const spinner = doc.createElement("span");
  spinner.className = "oc-spinner";
  spinner.setAttribute("aria-hidden", "true");
  const badge = doc.createElement("span");
  badge.className = "oc-badge";
  badge.id = BADGE_ID;
  const badgeCount = doc.createElement("span");
  badgeCount.setAttribute("aria-hidden", "true");
  const badgeText = doc.createElement("span");
  badgeText.className = "oc-visually-hidden";
  badge.append(badgeCount, badgeText);
  button.append(icon(doc, "oc-icon-chat", CHAT_PATH, false), icon(doc, "oc-icon-close", CHEVRON_DOWN_PATH, true), spinner, badge);

  function update({ open, unread, loading, strings = ENGLISH_LAUNCHER }: LauncherState): void {
    button.setAttribute("aria-label", open ? strings.close : strings.open);
    button.setAttribute("aria-expanded", String(open));
    button.classList.toggle("oc-loading", loading);
    spinner.hidden = !loading;
    const showBadge = unread > 0 && !open;
    badge.hidden = !showBadge;
    badgeCount.textContent = unread > 99 ? "99+" : String(unread);
    // Only a shown badge needs its sentence: building it creates the locale's Intl objects,
    // whose first use costs tens of milliseconds at boot on a slow CPU.
    badgeText.textContent = showBadge ? strings.unread(unread) : "";
    if (showBadge) button.setAttribute("aria-describedby", BADGE_ID);
    else button.removeAttribute("aria-describedby");
  }

  update({ open: false, unread: 0, loading: false });
  return { element: button, update };
}
