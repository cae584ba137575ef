import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { Id } from "../../../../convex/_generated/dataModel";
import type { InboxMessengerSettings } from "../../../../convex/messengerSettings";
import { useQuery, useServices } from "../../use-convex";
import { Field, FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";
import type { SettingsPageProps } from "../page";
import { HomeCardsEditor, type EditableCard } from "./home-cards-editor";
import { TAB_LABELS, TabsEditor, type Tab } from "./tabs-editor";

/** What visitors read in the messenger: greeting, team name, tabs and who sees them, home cards. (Colours and position: the Theme page.) */
export function MessengerPage({ workspace }: SettingsPageProps) {
  const { data } = useQuery(api.messengerSettings.inboxGet, { workspaceId: workspace.workspaceId });
  return data === undefined ? <p class="loading">Loading…</p> : <MessengerForm workspaceId={workspace.workspaceId} settings={data} />;
}

function MessengerForm({ workspaceId, settings }: { workspaceId: Id<"workspaces">; settings: InboxMessengerSettings }) {
  const { client } = useServices();
  const [greeting, setGreeting] = useState(settings.greeting);
  const [teamName, setTeamName] = useState(settings.teamName);
  const [tabs, setTabs] = useState<Tab[]>(settings.tabs);
  const [defaultTab, setDefaultTab] = useState(settings.defaultTab ?? "");
  const [cards, setCards] = useState<EditableCard[]>(settings.homeCards.map((card) => ({ title: card.title, body: card.body ?? "", url: card.url ?? "" })));
  const save = useSave(["greeting", "teamName", "tabs", "defaultTab", ...cards.map((_, index) => `homeCards.${index}`), "homeCards"]);
  const submit = (event: Event) => {
    event.preventDefault();
    void save.run(() =>
      client.mutation(api.messengerSettings.inboxUpdate, {
        workspaceId,
        greeting,
        teamName,
        tabs,
        defaultTab: defaultTab === "" ? null : defaultTab,
        homeCards: cards.map((card) => ({
          title: card.title,
          ...(card.body.trim() !== "" ? { body: card.body } : {}),
          ...(card.url.trim() !== "" ? { url: card.url.trim() } : {}),
        })),
      }),
    );
  };
  const onChange = <T,>(set: (value: T) => void) => (event: Event) => set((event.currentTarget as HTMLInputElement).value as T);
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby="messenger-heading">
      <h2 id="messenger-heading">Messenger</h2>
      <Field id="messenger-greeting" label="Greeting" error={save.errorFor("greeting")}>
        {(control) => <textarea {...control} rows={2} maxLength={1000} value={greeting} onInput={onChange(setGreeting)} />}
      </Field>
      <Field id="messenger-team-name" label="Team name" error={save.errorFor("teamName")}>
        {(control) => <input {...control} maxLength={200} value={teamName} onInput={onChange(setTeamName)} />}
      </Field>
      <TabsEditor tabs={tabs} onChange={setTabs} error={save.errorFor("tabs")} />
      <Field id="messenger-default-tab" label="Tab shown first" error={save.errorFor("defaultTab")}>
        {(control) => (
          <select {...control} value={defaultTab} onChange={onChange(setDefaultTab)}>
            <option value="">The messenger's default</option>
            {tabs.filter((tab) => tab.enabled).map((tab) => <option key={tab.id} value={tab.id}>{TAB_LABELS[tab.id]}</option>)}
          </select>
        )}
      </Field>
      <HomeCardsEditor cards={cards} onChange={setCards} errorFor={save.errorFor} listError={save.errorFor("homeCards")} />
      <div><button type="submit" disabled={save.busy}>Save messenger settings</button></div>
      <FormStatus error={save.formError} saved={save.saved} />
    </form>
  );
}
