import type { InboxMessengerSettings } from "../../../../convex/messengerSettings";

export type Tab = InboxMessengerSettings["tabs"][number];

export const TAB_LABELS: Record<Tab["id"], string> = { home: "Home", messages: "Messages", help: "Help", tickets: "Tickets", tasks: "Tasks", tours: "Tours" };

/** Each tab on or off and who sees it; Messages is always on, for everyone (it is how visitors reach the team). */
export function TabsEditor({ tabs, onChange, error }: { tabs: Tab[]; onChange: (next: Tab[]) => void; error: string | null }) {
  const update = (id: Tab["id"], change: Partial<Tab>) => onChange(tabs.map((tab) => (tab.id === id ? { ...tab, ...change } : tab)));
  return (
    <fieldset aria-describedby={error !== null ? "tabs-error" : undefined}>
      <legend>Tabs</legend>
      <div class="table-scroll">
        <table>
          <thead>
            <tr><th scope="col">Tab</th><th scope="col">Shown</th><th scope="col">Visible to</th></tr>
          </thead>
          <tbody>
            {tabs.map((tab) => {
              const locked = tab.id === "messages";
              return (
                <tr key={tab.id}>
                  <th scope="row">{TAB_LABELS[tab.id]}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Show the ${TAB_LABELS[tab.id]} tab`}
                      checked={tab.enabled}
                      disabled={locked}
                      onChange={(event) => update(tab.id, { enabled: (event.currentTarget as HTMLInputElement).checked })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`Who sees the ${TAB_LABELS[tab.id]} tab`}
                      value={tab.visibleTo}
                      disabled={locked}
                      onChange={(event) => update(tab.id, { visibleTo: (event.currentTarget as HTMLSelectElement).value as Tab["visibleTo"] })}
                    >
                      <option value="all">Everyone</option>
                      <option value="visitors">Anonymous visitors</option>
                      <option value="users">Identified users</option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error !== null && <p id="tabs-error" class="error" role="alert">{error}</p>}
    </fieldset>
  );
}
