import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { newLocalKey } from "../../runtime/outbox";
import { backend } from "../../runtime/functions";
import { parsePanelSettings } from "../panel-settings";
import { defaultTab, visibleTabs, type TabId } from "../tabs";
import type { MessengerController } from "../types";
import { useStore } from "../use-store";
import { parseVisitorState } from "../wire";
import type { ConversationViewProps } from "./conversation-view";
import { useQuery } from "./hooks";
import { I18nProvider, useT, type I18n } from "./i18n";
import { Lazy, LazyTab } from "./lazy-tab";
import { MessagesHome } from "./messages-home";
import type { Route } from "./route";
import { StatusBanner } from "./status-banner";
import { TAB_PANEL_ID, TabBar, tabElementId } from "./tab-bar";

const loadConversation = () => import("./conversation-view");

export interface PanelProps {
  controller: MessengerController;
  /** Closes the panel and returns focus to the launcher. */
  onClose(): void;
  /** Adopts a lazily loaded tab's stylesheet into the shadow root. */
  addStyles(css: string): void;
  /** The dictionary the panel starts with (loaded before the first render). */
  initial: I18n;
}

/** The messenger panel (a lazily loaded chunk): the tabs and what is open in them. */
export function Panel(props: PanelProps) {
  const { locale = "en" } = useStore(props.controller.state);
  return (
    <I18nProvider locale={locale} initial={props.initial}>
      <PanelShell {...props} />
    </I18nProvider>
  );
}

function PanelShell({ controller, onClose, addStyles }: PanelProps) {
  const t = useT();
  const state = useStore(controller.state);
  const { open, settings } = state;
  const panelSettings = useMemo(() => parsePanelSettings(settings?.raw), [settings]);
  const [visitor] = useQuery(controller, backend.messenger.visitorState, {}, parseVisitorState);
  const identified = visitor.status === "ready" && visitor.data.identified;
  const tabs = useMemo(() => visibleTabs(settings?.tabs ?? [], identified), [settings, identified]);
  const startTab = defaultTab(tabs, panelSettings.defaultTab);
  const [route, setRoute] = useState<Route>({ tab: startTab });
  const navigated = useRef(false);
  const focusOnChange = useRef(true);
  const panelRef = useRef<HTMLElement>(null);

  const navigate = (next: Route, fromTabBar = false) => {
    navigated.current = true;
    focusOnChange.current = !fromTabBar; // the tab bar keeps focus on the tab (ARIA tabs)
    setRoute(next);
  };

  // Until the visitor moves, follow the default as the visible tabs become known; and leave
  // a tab that is no longer visible.
  useEffect(() => {
    if (!navigated.current || !tabs.includes(route.tab)) setRoute({ tab: startTab });
  }, [tabs.join(), startTab]);

  // showMessages() / showNewMessage(text) / showArticle(id) from the public API.
  useEffect(() => {
    const intent = state.intent;
    if (!intent) return;
    if (intent.kind === "new") navigate({ tab: "messages", conversation: { key: newLocalKey(), draft: intent.text } });
    else if (intent.kind === "article") navigate({ tab: "help", articleId: intent.articleId });
    else if (intent.kind === "conversation") navigate({ tab: "messages", conversation: { key: intent.conversationId } });
    else navigate({ tab: "messages" });
  }, [state.intent?.seq]);

  // Move focus into the panel when it opens and when the view changes, so keyboard and
  // screen reader users land where they can act. A view still loading gets the panel's own
  // focus meanwhile, and its first control once it has loaded (onViewLoaded).
  const focusView = () => {
    const section = panelRef.current;
    // Read the store, not this render's `open`: Preact runs effects after paint, so a render
    // from just before Escape can run its effect after close() has handed focus back.
    if (!section || !focusOnChange.current || !controller.state.get().open) return;
    const root = section.getRootNode() as ShadowRoot;
    if (root.activeElement && root.activeElement !== section && section.contains(root.activeElement)) return;
    (section.querySelector<HTMLElement>("[data-autofocus]") ?? section).focus();
  };
  useEffect(() => {
    if (open) focusView();
  }, [open, route]);
  const onViewLoaded = () => {
    const section = panelRef.current;
    if (open && section && (section.getRootNode() as ShadowRoot).activeElement === section) focusView();
  };

  // Settings only go back to null on a fatal error, when the whole widget is hidden.
  if (!settings) return null;
  const inConversation = route.tab === "messages" && route.conversation !== undefined;
  const showTabBar = tabs.length > 1 && !inConversation;
  const tabProps = { controller, settings, panelSettings, navigate, onClose, identified, addStyles, onViewLoaded };

  return (
    <section ref={panelRef} id="oc-panel" class="oc-panel" role="dialog" aria-label={t.messenger} hidden={!open} tabIndex={-1}>
      <StatusBanner connection={state.connection} ready={state.ready} />
      <div
        class="oc-view"
        {...(showTabBar ? { role: "tabpanel", id: TAB_PANEL_ID, "aria-labelledby": tabElementId(route.tab) } : {})}
      >
        {route.tab === "messages" ? (
          route.conversation ? (
            // The conversation view is its own chunk: opening the messenger shows lists first.
            <Lazy<ConversationViewProps>
              key={route.conversation.key}
              name="conversation"
              load={loadConversation}
              addStyles={addStyles}
              onLoaded={onViewLoaded}
              props={{
                ...tabProps,
                conversationKey: route.conversation.key,
                ...(route.conversation.draft !== undefined ? { draft: route.conversation.draft } : {}),
                open,
                onBack: () => navigate({ tab: "messages" }),
              }}
            />
          ) : (
            <MessagesHome
              {...tabProps}
              onOpenConversation={(id) => navigate({ tab: "messages", conversation: { key: id } })}
              onNewConversation={() => navigate({ tab: "messages", conversation: { key: newLocalKey() } })}
            />
          )
        ) : (
          <LazyTab id={route.tab} {...tabProps} route={route} />
        )}
      </div>
      {showTabBar && <TabBar tabs={tabs} active={route.tab} onSelect={(tab: TabId) => navigate({ tab }, true)} />}
    </section>
  );
}
