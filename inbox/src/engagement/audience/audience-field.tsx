import { summarizeAudience } from "../../../../core/engagement/audience-summary";
import { errorAt, withField, type Draft } from "../draft";

export type AudienceFieldProps = { draft: Draft; onChange(draft: Draft): void; errors: Record<string, string>; workspaceId: string };

/**
 * Who sees the item: its audience rule in words, and "Everyone" to drop the rule. Rules are
 * written through the REST API for now; the summary shows any of them.
 */
export function AudienceField({ draft, onChange, errors }: AudienceFieldProps) {
  const rule = draft["audience"];
  const problems = Object.entries(errors).filter(([path]) => path === "audience" || path.startsWith("audience."));
  return (
    <section class="card stack" aria-labelledby="item-audience-heading">
      <h2 id="item-audience-heading">Audience</h2>
      <p id="item-audience-summary">{summarizeAudience(rule)}</p>
      {rule !== undefined && (
        <button type="button" class="quiet" aria-describedby="item-audience-summary" onClick={() => onChange(withField(draft, "audience", undefined))}>
          Show to everyone
        </button>
      )}
      {problems.map(([path, message]) => <p key={path} class="error" role="alert">{errorAt(errors, path) === null ? "" : `${path}: ${message}`}</p>)}
    </section>
  );
}
