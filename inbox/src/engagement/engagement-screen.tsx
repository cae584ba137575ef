import type { ContentType } from "../../../core/engagement/content-types";
import { hrefOf, type EngagementTab } from "../routes";
import type { Workspace } from "../workspace";
import { ItemList } from "./item-list";
import { ItemPage } from "./item-page";
import { CsatTab } from "./csat/csat-tab";
import { ENGAGEMENT_TYPES, engagementType } from "./types";
import "./engagement.css";

/**
 * The Engagement studio: one tab per content type (types.ts), each with its list and its
 * items' editors. Admins only: the server refuses everyone else regardless.
 */
export function EngagementScreen({ workspace, type, item }: { workspace: Workspace; type: EngagementTab; item: string | null }) {
  if (workspace.role !== "admin") {
    return (
      <main class="screen studio">
        <h1>Engagement</h1>
        <p class="empty">The Engagement studio is for workspace admins. Ask an admin of {workspace.name} if you need a tour or survey changed.</p>
      </main>
    );
  }
  const entry = type === "csat" ? undefined : (engagementType(type) ?? ENGAGEMENT_TYPES[0]);
  return (
    <main class="screen studio">
      <h1 class={item === null ? undefined : "visually-hidden"}>Engagement</h1>
      <nav aria-label="Engagement types">
        <ul>
          {ENGAGEMENT_TYPES.map((candidate) => (
            <li key={candidate.type}>
              <a href={hrefOf({ screen: "engagement", type: candidate.type, item: null })} aria-current={candidate === entry ? "page" : undefined}>
                {candidate.label}
              </a>
            </li>
          ))}
          <li>
            <a href={hrefOf({ screen: "engagement", type: "csat", item: null })} aria-current={type === "csat" ? "page" : undefined}>
              CSAT
            </a>
          </li>
        </ul>
      </nav>
      {type === "csat" ? (
        <CsatTab workspaceId={workspace.workspaceId} />
      ) : entry === undefined ? null : item === null ? (
        <ItemList workspaceId={workspace.workspaceId} entry={entry} />
      ) : (
        <ItemPage workspaceId={workspace.workspaceId} entry={entry} itemId={item} />
      )}
    </main>
  );
}
