import { useEffect, useState } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import type { CompanyView } from "../../../convex/inboxCompanies";
import type { AppEventHub } from "../../apps/event-hub";
import { shortTime } from "../chats/time";
import type { Workspace } from "../workspace";
import { useQuery } from "../use-convex";
import { CompanyDetails } from "./company-details";

/** Companies, most recently seen first; choosing one tells the screen's apps (`contacts:companySelected`). */
export function CompaniesView({ workspace, search, hub }: { workspace: Workspace; search: string; hub: AppEventHub }) {
  const [selected, setSelected] = useState<CompanyView | null>(null);
  const { data: companies } = useQuery(api.inboxCompanies.list, { workspaceId: workspace.workspaceId, search, limit: 50 });
  const selectedId = selected?.externalId;
  useEffect(() => {
    if (selectedId !== undefined) hub.emit("contacts:companySelected", { companyId: selectedId });
  }, [hub, selectedId]);
  const now = Date.now();
  return (
    <div class="contacts-layout">
      <ul class="plain contact-list" aria-label="Companies">
        {(companies ?? []).map((company) => (
          <li key={company._id}>
            <button type="button" class="quiet contact" aria-pressed={selected?._id === company._id} onClick={() => setSelected(company)}>
              <span class="name">{company.name}</span>
              <span class="muted">
                {company.plan ?? "No plan"} · seen {shortTime(company.lastSeenAt, now)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {companies?.length === 0 && <p class="empty">No companies match.</p>}
      {selected && <CompanyDetails workspace={workspace} company={selected} />}
    </div>
  );
}
