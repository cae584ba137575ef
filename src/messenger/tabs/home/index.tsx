import { newLocalKey } from "../../../runtime/outbox";
import { safeImageUrl as safeLink } from "../../format";
import { SendIcon } from "../../icons";
import { availabilityLine } from "../../panel/availability-line";
import { HideButton } from "../../panel/hide-button";
import { useLiveQuery, useNow } from "../../panel/hooks";
import { useI18n } from "../../panel/i18n";
import type { TabProps } from "../../panel/tab-props";
import { visibleTabs } from "../../tabs";
import { parseConversations } from "../../wire";
import { HelpSearchForm } from "../help/search-form";
import { HOME_CSS } from "./styles";
import { TeamFaces } from "./team-faces";

export const CSS = HOME_CSS;

/**
 * Home: the greeting, whether the team is around (office hours in their time zone, the
 * expected reply time, the offline message), the latest conversation, help search and the
 * workspace's cards.
 */
export default function HomeTab({ controller, settings, panelSettings, navigate, onClose, identified }: TabProps) {
  const { t, locale } = useI18n();
  const now = useNow(60_000);
  const { online, line } = availabilityLine(t, locale, panelSettings, now);
  const tabs = visibleTabs(settings.tabs, identified);
  const [conversations] = useLiveQuery(
    (onValue, onError) => controller.watchConversations(onValue, onError),
    "conversations",
    parseConversations,
  );
  const recent = conversations.status === "ready" ? [...conversations.data].sort((a, b) => b.lastMessageAt - a.lastMessageAt)[0] : undefined;

  return (
    <div class="oc-home oc-home-tab">
      <header class="oc-home-header">
        <p class="oc-team">{settings.teamName}</p>
        <h2 class="oc-greeting">{settings.greeting}</h2>
        <HideButton onClose={onClose} />
      </header>
      <div class="oc-cards">
        <section class="oc-card" aria-labelledby="oc-home-contact">
          <h3 class="oc-card-title" id="oc-home-contact">
            {t.sendUsAMessage}
          </h3>
          <TeamFaces team={panelSettings.team} />
          <p class={online ? "oc-presence oc-online" : "oc-presence oc-away"}>
            <span class="oc-presence-dot" aria-hidden="true" />
            {online ? `${t.online} · ${line}` : line}
          </p>
          {!online && panelSettings.offlineMessage && <p class="oc-note">{panelSettings.offlineMessage}</p>}
          <button
            type="button"
            class="oc-primary"
            data-autofocus=""
            onClick={() => navigate({ tab: "messages", conversation: { key: newLocalKey() } })}
          >
            {t.newConversation}
            <SendIcon />
          </button>
        </section>

        {recent && (
          <section class="oc-card" aria-labelledby="oc-home-recent">
            <h3 class="oc-card-title" id="oc-home-recent">
              {t.recentConversation}
            </h3>
            <button type="button" class="oc-row" onClick={() => navigate({ tab: "messages", conversation: { key: recent.id } })}>
              <span class="oc-row-main">
                <span class="oc-row-title">{settings.teamName}</span>
                <span class="oc-row-preview">{recent.lastMessagePreview}</span>
              </span>
              {recent.unread > 0 && (
                <span class="oc-dot">
                  <span class="oc-visually-hidden">{t.launcher.unread(recent.unread)}</span>
                </span>
              )}
            </button>
          </section>
        )}

        {tabs.includes("help") && (
          <section class="oc-card" aria-labelledby="oc-home-help">
            <h3 class="oc-card-title" id="oc-home-help">
              {t.searchForHelp}
            </h3>
            <HelpSearchForm initial="" onSearch={(query) => navigate({ tab: "help", query })} />
          </section>
        )}

        {panelSettings.homeCards.map((card, index) => {
          // Plain http(s) links only, like every URL the workspace configures.
          const href = safeLink(card.url);
          return (
            <section class="oc-card oc-home-card" key={`${index}-${card.title}`}>
              <h3 class="oc-card-title">
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                    {card.title}
                  </a>
                ) : (
                  card.title
                )}
              </h3>
              {card.body && <p class="oc-card-body">{card.body}</p>}
            </section>
          );
        })}
      </div>
    </div>
  );
}
