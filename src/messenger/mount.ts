import { ENGLISH_LAUNCHER } from "../i18n/launcher";
import { loadMessages } from "../i18n/load";
import { isRtl, type Locale } from "../i18n/locales";
import { logError } from "../sdk/log";
import { watchCustomLaunchers } from "./custom-launcher";
import { createLauncher } from "./launcher";
import { startNotifications } from "./notify/notifications";
import { BASE_CSS } from "./styles/base";
import { themeCss } from "./theme";
import type { WidgetUiState } from "../runtime/ui-state";
import type { MessengerController, MessengerShell } from "./types";

export const HOST_TAG = "opencom-widget";

type PanelModule = typeof import("./panel/panel");
type Win = Window & typeof globalThis;

export interface MountOptions {
  /** Names the BroadcastChannel that keeps this workspace's widget consistent across tabs. */
  workspaceId: string;
  /** The page draws its own launcher (see customLauncherSelector). */
  hideDefaultLauncher?: boolean | undefined;
  /** Clicks on matching page elements toggle the messenger. */
  customLauncherSelector?: string;
  /** A chime for new messages while the page is hidden. */
  sound?: boolean | undefined;
}

/**
 * Registers the host tag (with an empty class) so the page's `:not(:defined)` rules, a
 * common anti-flash pattern, never hide it. The registry is page-global: a second widget
 * copy on the page finds it defined and moves on.
 */
function defineHostElement(win: Win): void {
  if (win.customElements && !win.customElements.get(HOST_TAG)) {
    win.customElements.define(HOST_TAG, class extends win.HTMLElement {});
  }
}

function sheet(win: Win, css: string): CSSStyleSheet {
  const result = new win.CSSStyleSheet();
  result.replaceSync(css);
  return result;
}

export interface MountedMessenger {
  /** The engagement overlays render here too (src/overlays/host). */
  shadow: ShadowRoot;
  /**
   * Hands over the backend side, once the runtime has it (after the launcher has painted):
   * the panel waits for it, so a click on the launcher before then opens the messenger as
   * soon as it can, with the launcher showing that it is loading meanwhile.
   */
  connect(controller: MessengerController): void;
  destroy(): void;
}

/**
 * Renders the messenger into an open shadow root on one host element. Styles are
 * constructable stylesheets: no <style> tag, no inline style, so a strict CSP
 * (`style-src 'self'`) renders it fully. The launcher is plain DOM and needs only the UI
 * state; the panel (Preact) is a separate chunk downloaded on first open.
 */
export function mountMessenger(
  doc: Document,
  shell: MessengerShell,
  options: MountOptions = { workspaceId: "" },
): MountedMessenger {
  let backend: MessengerController | null = null;
  const win = doc.defaultView as Win;
  defineHostElement(win);
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: "open" });
  const theme = sheet(win, "");
  shadow.adoptedStyleSheets = [sheet(win, BASE_CSS), theme];

  const root = doc.createElement("div");
  const panelSlot = doc.createElement("div");
  const launcher = createLauncher(doc, () => shell.setOpen(!shell.state.get().open));
  launcher.element.hidden = options.hideDefaultLauncher === true;
  root.append(panelSlot, launcher.element);
  shadow.append(root);
  /** Where focus returns on close: the custom launcher that opened the panel, else ours. */
  let opener: HTMLElement | null = null;
  const stopCustomLaunchers = options.customLauncherSelector
    ? watchCustomLaunchers(doc, options.customLauncherSelector, host, (element) => {
        const open = !shell.state.get().open;
        opener = open && element instanceof win.HTMLElement ? element : null;
        shell.setOpen(open);
      })
    : () => {};
  /** The launcher's strings in the current locale (English until another locale's chunk arrives). */
  let launcherStrings = { locale: "en" as Locale, strings: ENGLISH_LAUNCHER };
  let requestedLocale: Locale = "en";
  /** Started on connect: nothing is unread before the runtime has connected. */
  let stopNotifications = () => {};
  const addStyles = (css: string) => {
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet(win, css)];
  };

  let panel: PanelModule | null = null;
  let panelLoading = false;
  let unmountPanel = () => {};
  let destroyed = false;

  const close = () => {
    shell.setOpen(false);
    const target = opener?.isConnected ? opener : launcher.element.hidden ? null : launcher.element;
    opener = null;
    target?.focus();
  };

  async function loadPanel(connected: MessengerController): Promise<void> {
    panelLoading = true;
    try {
      const loaded = await import("./panel/panel");
      if (destroyed) return;
      addStyles(loaded.PANEL_CSS);
      panel = loaded;
      unmountPanel = loaded.mountPanel(panelSlot, connected, close, addStyles);
    } catch (error) {
      logError("could not load the messenger; click the launcher to try again", error);
      shell.setOpen(false);
    } finally {
      panelLoading = false;
      if (!destroyed) render(shell.state.get());
    }
  }

  let themedWith: WidgetUiState["settings"] = null;
  function render(state: WidgetUiState): void {
    const { settings } = state;
    // Nothing to show until the workspace's settings are known (or after a fatal error).
    // (On the root, not the host: the host's own display is pinned by :host rules.)
    root.hidden = settings === null;
    if (settings && settings !== themedWith) {
      themedWith = settings;
      theme.replaceSync(themeCss(settings));
    }
    const fixedSize = settings?.configuration?.layout.mobileResponsive === false ? " oc-fixed" : "";
    root.className = `oc-root oc-${settings?.launcherPosition ?? "right"} oc-theme-${settings?.theme ?? "light"}${fixedSize}`;
    // The whole widget follows the locale's direction: logical CSS properties mirror it.
    const locale = state.locale ?? "en";
    root.lang = locale;
    root.dir = isRtl(locale) ? "rtl" : "ltr";
    if (launcherStrings.locale !== locale && requestedLocale !== locale) {
      requestedLocale = locale;
      loadMessages(locale).then(({ launcher: strings }) => {
        if (destroyed || (shell.state.get().locale ?? "en") !== locale) return;
        launcherStrings = { locale, strings };
        render(shell.state.get());
      }, () => {}); // offline: the launcher keeps its English names
    }
    root.toggleAttribute("data-open", state.open);
    launcher.update({ open: state.open, unread: state.unread, loading: state.open && panel === null, strings: launcherStrings.strings });
    if (state.open && settings && backend && panel === null && !panelLoading) void loadPanel(backend);
  }

  // Escape closes from anywhere inside the widget and hands focus back to the launcher.
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !shell.state.get().open) return;
    event.stopPropagation();
    close();
  });

  render(shell.state.get());
  const stop = shell.state.subscribe(render);
  (doc.body ?? doc.documentElement).append(host);

  return {
    shadow,
    connect(next) {
      if (destroyed || backend) return;
      backend = next;
      stopNotifications = startNotifications(win, shell.state, {
        workspaceId: options.workspaceId,
        sound: options.sound === true,
        setOpen: (open) => shell.setOpen(open),
        strings: () => launcherStrings.strings,
      });
      render(shell.state.get());
    },
    destroy() {
      destroyed = true;
      stop();
      stopCustomLaunchers();
      stopNotifications();
      unmountPanel();
      host.remove();
    },
  };
}
