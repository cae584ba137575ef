import { useEffect, useRef, useState } from "preact/hooks";
import { newLocalKey } from "../../runtime/outbox";
import type { MessengerController } from "../types";
import { strings } from "../strings";
import { useStore } from "../use-store";
import { ConversationView } from "./conversation-view";
import { Home } from "./home";
import { StatusBanner } from "./status-banner";

type View = { kind: "home" } | { kind: "conversation"; key: string; draft?: string };

export interface PanelProps {
  controller: MessengerController;
  /** Closes the panel and returns focus to the launcher. */
  onClose(): void;
}

/** The messenger panel (a lazily loaded chunk): Messages home or one conversation. */
export function Panel({ controller, onClose }: PanelProps) {
  const state = useStore(controller.state);
  const { open, settings } = state;
  const [view, setView] = useState<View>({ kind: "home" });
  const panelRef = useRef<HTMLElement>(null);
  const startConversation = (draft?: string) =>
    setView(draft === undefined ? { kind: "conversation", key: newLocalKey() } : { kind: "conversation", key: newLocalKey(), draft });

  // showMessages() / showNewMessage(text) from the public API.
  useEffect(() => {
    const intent = state.intent;
    if (!intent) return;
    if (intent.kind === "new") startConversation(intent.text);
    else setView({ kind: "home" });
  }, [state.intent?.seq]);

  // Move focus into the panel when it opens and when the view changes, so keyboard and
  // screen reader users land where they can act.
  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [open, view]);

  // Settings only go back to null on a fatal error, when the whole widget is hidden.
  if (!settings) return null;
  return (
    <section ref={panelRef} id="oc-panel" class="oc-panel" role="dialog" aria-label={strings.messenger} hidden={!open}>
      <StatusBanner connection={state.connection} ready={state.ready} />
      {view.kind === "home" ? (
        <Home
          controller={controller}
          settings={settings}
          onOpenConversation={(id) => setView({ kind: "conversation", key: id })}
          onNewConversation={() => startConversation()}
          onClose={onClose}
        />
      ) : (
        <ConversationView
          key={view.key}
          controller={controller}
          settings={settings}
          conversationKey={view.key}
          {...(view.draft !== undefined ? { draft: view.draft } : {})}
          open={open}
          onBack={() => setView({ kind: "home" })}
          onClose={onClose}
        />
      )}
    </section>
  );
}
