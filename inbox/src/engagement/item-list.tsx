import { api } from "../../../convex/_generated/api";
import { hrefOf, NEW_ITEM } from "../routes";
import { useQuery } from "../use-convex";
import { RowActions } from "./row-actions";
import { scheduleText, STATUS_LABELS } from "./status";
import type { EngagementType } from "./types";

const edited = (time: number) => new Date(time).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** One type's items, most recently changed first, live. */
export function ItemList({ workspaceId, entry }: { workspaceId: string; entry: EngagementType }) {
  const { type, label } = entry;
  const { data: rows, error } = useQuery(api.engagementStudio.list, { workspaceId, type });
  return (
    <section class="stack" aria-labelledby="studio-list-heading">
      <div class="list-heading">
        <h2 id="studio-list-heading">{label}</h2>
        <a class="button" href={hrefOf({ screen: "engagement", type, item: NEW_ITEM })}>Create</a>
      </div>
      {error !== null && <p class="error" role="alert">{error.message}</p>}
      {rows === undefined ? (
        <p class="loading">Loading…</p>
      ) : rows.length === 0 ? (
        <p class="empty">No {label.toLowerCase()} yet.</p>
      ) : (
        <table class="studio-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Schedule</th>
              <th scope="col">Audience</th>
              <th scope="col">Last edit</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row"><a href={hrefOf({ screen: "engagement", type, item: row.id })}>{row.name}</a></th>
                <td><span class={`status status-${row.status}`}>{STATUS_LABELS[row.status]}</span></td>
                <td>{scheduleText(row.startsAt, row.endsAt)}</td>
                <td>{row.audienceSummary}</td>
                <td>{edited(row.updatedAt)}{row.updatedByName !== null && <> by {row.updatedByName}</>}</td>
                <td><RowActions workspaceId={workspaceId} type={type} row={row} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
