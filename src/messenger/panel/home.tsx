import type { WidgetSettings } from "../../runtime/settings";
import { SendIcon } from "../icons";
import { strings } from "../strings";
import type { MessengerController } from "../types";
import { parseConversations } from "../wire";
import { ConversationList } from "./conversation-list";
import { HideButton } from "./hide-button";
import { useLiveQuery } from "./hooks";

export interface HomeProps {
  controller: MessengerController;
  settings: WidgetSettings;
  onOpenConversation(conversationId: string): void;
  onNewConversation(): void;
  onClose(): void;
}

/** The Messages tab's start: greeting, the visitor's conversations, "New conversation". */
export function Home({ controller, settings, onOpenConversation, onNewConversation, onClose }: HomeProps) {
  const [conversations, retry] = useLiveQuery(
    (onValue, onError) => controller.watchConversations(onValue, onError),
    "conversations",
    parseConversations,
  );
  return (
    <div class="oc-home">
      <header class="oc-home-header">
        <p class="oc-team">{settings.teamName}</p>
        <h2 class="oc-greeting">{settings.greeting}</h2>
        <HideButton onClose={onClose} />
      </header>
      <section class="oc-card" aria-labelledby="oc-conversations-title">
        <h3 class="oc-card-title" id="oc-conversations-title">
          {strings.yourConversations}
        </h3>
        <ConversationList state={conversations} teamName={settings.teamName} onOpen={onOpenConversation} onRetry={retry} />
        <button type="button" class="oc-primary" data-autofocus="" onClick={onNewConversation}>
          {strings.newConversation}
          <SendIcon />
        </button>
      </section>
    </div>
  );
}
