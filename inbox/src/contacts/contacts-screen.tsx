import { useState } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import type { Contact } from "../../../convex/inboxContacts";
import { plainText } from "../chats/plain-text";
import { shortTime } from "../chats/time";
import { hrefOf } from "../routes";
import type { Workspace } from "../shell";
import { useQuery } from "../use-convex";

/** People who visited or wrote: search, and a person's conversations. */
export function ContactsScreen({ workspace }: { workspace: Workspace }) {
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<Contact | null>(null);
  const { data: contacts } = useQuery(api.inboxContacts.list, { workspaceId: workspace.workspaceId, search, limit: 50 });
  const now = Date.now();
  return (
    <main class="screen contacts">
      <h1>Contacts</h1>
      <label class="search">
        Search contacts
        <input type="search" value={search} maxLength={100} onInput={(event) => setSearch((event.currentTarget as HTMLInputElement).value)} />
      </label>
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
    </main>
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
