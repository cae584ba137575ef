import { SendIcon } from "../icons";
import { parseConversations } from "../wire";
import { availabilityLine } from "./availability-line";
import { ConversationList } from "./conversation-list";
import { HideButton } from "./hide-button";
import { useLiveQuery, useNow } from "./hooks";
import { useI18n } from "./i18n";
import type { TabProps } from "./tab-props";
import { TabHeader } from "./tab-header";

export interface MessagesHomeProps extends Omit<TabProps, "route"> {
  onOpenConversation(conversationId: string): void;
  onNewConversation(): void;
}

/**
 * The Messages tab's start: the visitor's conversations and "New conversation". With no
 * Home tab, it also carries the greeting.
 */
export function MessagesHome({ controller, settings, panelSettings, onOpenConversation, onNewConversation, onClose }: MessagesHomeProps) {
  const { t, locale } = useI18n();
  const now = useNow(60_000);
  const [conversations, retry] = useLiveQuery(
    (onValue, onError) => controller.watchConversations(onValue, onError),
    "conversations",
    parseConversations,
  );
  const hasHomeTab = settings.tabs.some((tab) => tab.id === "home" && tab.enabled);
  const { line } = availabilityLine(t, locale, panelSettings, now);
  return (
    <div class="oc-home">
      {hasHomeTab ? (
        <TabHeader title={t.tabs.messages} onClose={onClose}>
          <p class="oc-bar-subtitle">{line}</p>
        </TabHeader>
      ) : (
        <header class="oc-home-header">
          <p class="oc-team">{settings.teamName}</p>
          <h2 class="oc-greeting">{settings.greeting}</h2>
          <p class="oc-availability">{line}</p>
          <HideButton onClose={onClose} />
        </header>
      )}
      <section class={hasHomeTab ? "oc-card oc-card-flat" : "oc-card"} aria-labelledby="oc-conversations-title">
        <h3 class="oc-card-title" id="oc-conversations-title">
          {t.yourConversations}
        </h3>
        <ConversationList state={conversations} teamName={settings.teamName} onOpen={onOpenConversation} onRetry={retry} />
        <button type="button" class="oc-primary" data-autofocus="" onClick={onNewConversation}>
          {t.newConversation}
          <SendIcon />
        </button>
      </section>
    </div>
  );
}
