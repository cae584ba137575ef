import { withField, type Draft } from "../draft";
import { AudienceBuilder } from "./audience-builder";

export type AudienceFieldProps = { draft: Draft; onChange(draft: Draft): void; errors: Record<string, string>; workspaceId: string };

/** Who sees the item: the audience rule builder, with its live estimate; no rule means everyone. */
export function AudienceField({ draft, onChange, errors, workspaceId }: AudienceFieldProps) {
  return (
    <section class="card stack" aria-labelledby="item-audience-heading">
      <h2 id="item-audience-heading">Audience</h2>
      <AudienceBuilder value={draft["audience"]} errors={errors} workspaceId={workspaceId} onChange={(rule) => onChange(withField(draft, "audience", rule))} />
    </section>
  );
}
