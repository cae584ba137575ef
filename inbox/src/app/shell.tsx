import type { OperatorProfile } from "../../../convex/members";
import { ChatsScreen } from "../chats/chats-screen";
import { ContactsScreen } from "../contacts/contacts-screen";
import { hrefOf, screenRoute, type Route } from "../routes";
import { TicketsScreen } from "../tickets/tickets-screen";
import { useServices } from "../use-convex";
import type { Workspace } from "../workspace";
import { lazyScreen } from "./lazy-screen";

const EngagementScreen = lazyScreen(async () => (await import("../engagement/engagement-screen")).EngagementScreen);
const SettingsScreen = lazyScreen(async () => (await import("../settings/settings-screen")).SettingsScreen);


const SECTIONS = [
  { screen: "chats", label: "Chats" },
  { screen: "tickets", label: "Tickets" },
  { screen: "contacts", label: "Contacts" },
  { screen: "engagement", label: "Engagement", adminOnly: true },
  { screen: "settings", label: "Settings" },
] as const;

export function Shell({ me, workspace, route }: { me: OperatorProfile; workspace: Workspace; route: Route }) {
  const { auth } = useServices();
  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">{workspace.name}</span>
        <nav aria-label="Inbox sections">
          <ul>
            {SECTIONS.filter((section) => !("adminOnly" in section) || workspace.role === "admin").map(({ screen, label }) => (
              <li key={screen}>
                <a
                  href={hrefOf(screenRoute(screen))}
                  aria-current={route.screen === screen ? "page" : undefined}
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">{workspace.memberName}</span>
        <button type="button" class="quiet" onClick={() => void auth.signOut()}>Sign out</button>
      </header>
      {route.screen === "settings" ? (
        <SettingsScreen me={me} workspace={workspace} page={route.page} />
      ) : route.screen === "engagement" ? (
        <EngagementScreen workspace={workspace} type={route.type} item={route.item} />
      ) : route.screen === "contacts" ? (
        <ContactsScreen workspace={workspace} />
      ) : route.screen === "tickets" ? (
        <TicketsScreen workspace={workspace} ticketId={route.ticketId} />
      ) : (
        <ChatsScreen me={me} workspace={workspace} conversationId={route.screen === "chats" ? route.conversationId : null} />
      )}
    </div>
  );
}
