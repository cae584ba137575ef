import { api } from "../../../../convex/_generated/api";
import { hrefOf } from "../../routes";
import { useQuery } from "../../use-convex";
import type { SettingsPageProps } from "../page";
import { SlaRow } from "./sla-row";

/** SLA targets per ticket priority, counted in business time (the office hours). */
export function SlaPage({ workspace }: SettingsPageProps) {
  const { data: policies } = useQuery(api.slaPolicies.list, { workspaceId: workspace.workspaceId });
  const { data: messenger } = useQuery(api.messengerSettings.inboxGet, { workspaceId: workspace.workspaceId });
  const hours = messenger?.officeHours;
  return (
    <section aria-labelledby="sla-heading" class="card">
      <h2 id="sla-heading">SLA policies</h2>
      <p class="hint">
        {hours === undefined
          ? "Loading office hours…"
          : hours === null
            ? "No office hours are set, so SLA clocks run around the clock. "
            : `SLA clocks run only during office hours (${hours.timeZone}, ${hours.intervals.length} opening ${hours.intervals.length === 1 ? "interval" : "intervals"} a week). `}
        <a href={hrefOf({ screen: "settings", page: "office-hours" })}>Change office hours</a>. Leave a target empty for none.
      </p>
      {(policies ?? []).map((policy) => (
        <SlaRow key={policy.priority} workspaceId={workspace.workspaceId} policy={policy} />
      ))}
    </section>
  );
}
