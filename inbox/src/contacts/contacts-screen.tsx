import { useState } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import type { Contact } from "../../../convex/inboxContacts";
import { AppPanels, useAppEventHub } from "../apps/app-panels";
import { plainText } from "../chats/plain-text";
import { shortTime } from "../chats/time";
import { hrefOf } from "../routes";
import type { Workspace } from "../workspace";
import { useQuery } from "../use-convex";
import { CompaniesView } from "./companies-view";

/** People who visited or wrote, and the companies they belong to: search, a person's conversations, a company's people. */
export function ContactsScreen({ workspace }: { workspace: Workspace }) {
  const [search, setSearch] = useState("");
  const [view, setView] = useState<"people" | "companies">("people");
  const hub = useAppEventHub();
  return (
    <main class="screen contacts">
      <h1>Contacts</h1>
      <div role="group" aria-label="Show" class="filters">
        <button type="button" aria-pressed={view === "people"} onClick={() => setView("people")}>People</button>
        <button type="button" aria-pressed={view === "companies"} onClick={() => setView("companies")}>Companies</button>
      </div>
      <label class="search">
        Search contacts
        <input type="search" value={search} maxLength={100} onInput={(event) => setSearch((event.currentTarget as HTMLInputElement).value)} />
      </label>
      {view === "people" ? <PeopleView workspace={workspace} search={search} /> : <CompaniesView workspace={workspace} search={search} hub={hub} />}
      <AppPanels workspace={workspace} screen="CONTACTS" hub={hub} actions={{}} />
    </main>
  );
}

function PeopleView({ workspace, search }: { workspace: Workspace; search: string }) {
  const [selected, setSelected] = useState<Contact | null>(null);
  const { data: contacts } = useQuery(api.inboxContacts.list, { workspaceId: workspace.workspaceId, search, limit: 50 });
  const now = Date.now();
  return (
    <div class="contacts-layout">
      <ul class="plain contact-list" aria-label="People">
        {(contacts ?? []).map((person) => (
          <li key={person._id}>
            <button type="button" class="quiet contact" aria-pressed={selected?._id === person._id} onClick={() => setSelected(person)}>
              <span class="name">{person.name}</span>
              <span class="muted">
                {person.email ?? "No email"}
                {person.userId !== null && (person.verified ? " · verified" : " · unverified")} · seen {shortTime(person.lastSeenAt, now)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {contacts?.length === 0 && <p class="empty">Nobody matches.</p>}
      {selected && <ContactConversations workspace={workspace} contact={selected} />}
    </div>
  );
}

function ContactConversations({ workspace, contact }: { workspace: Workspace; contact: Contact }) {
  const { data: conversations } = useQuery(api.inboxContacts.conversations, { workspaceId: workspace.workspaceId, visitorId: contact._id });
  return (
    <section class="card" aria-labelledby="contact-heading">
      <h2 id="contact-heading">{contact.name}</h2>
      {conversations?.length === 0 && <p class="muted">No conversations.</p>}
      <ul class="plain">
        {(conversations ?? []).map((conversation) => (
          <li key={conversation._id}>
            <a href={hrefOf({ screen: "chats", conversationId: conversation._id })}>{plainText(conversation.lastMessagePreview) || "No messages"}</a>{" "}
            <span class="muted">· {conversation.status} · {shortTime(conversation.lastMessageAt, Date.now())}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
