import { api } from "../../../convex/_generated/api";
import type { CompanyView } from "../../../convex/inboxCompanies";
import { shortTime } from "../chats/time";
import type { Workspace } from "../workspace";
import { useQuery } from "../use-convex";

/** One company: what the host said of it, and its people. */
export function CompanyDetails({ workspace, company }: { workspace: Workspace; company: CompanyView }) {
  const { data: people } = useQuery(api.inboxCompanies.people, { workspaceId: workspace.workspaceId, companyId: company._id });
  const facts: [string, string | null][] = [
    ["Company id", company.externalId],
    ["Plan", company.plan],
    ["Employees", company.size === null ? null : new Intl.NumberFormat().format(company.size)],
    ["Industry", company.industry],
    ["Website", company.website],
    ...Object.entries(company.customAttributes).map(([key, value]): [string, string] => [key, String(value)]),
  ];
  return (
    <section class="card" aria-labelledby="company-heading">
      <h2 id="company-heading">{company.name}</h2>
      <dl class="facts">
        {facts
          .filter((fact): fact is [string, string] => fact[1] !== null)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <h3>People</h3>
      {people?.length === 0 && <p class="muted">Nobody yet.</p>}
      <ul class="plain">
        {(people ?? []).map((person) => (
          <li key={person._id}>
            {person.name} <span class="muted">· {person.email ?? "No email"} · seen {shortTime(person.lastSeenAt, Date.now())}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
