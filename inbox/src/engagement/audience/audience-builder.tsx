import { useState } from "preact/hooks";
import { summarizeAudience } from "../../../../core/engagement/audience-summary";
import { validateRule, type Rule } from "../../../../core/engagement/rules";
import type { Errors } from "../editor-kit/fields";
import { AudienceEstimate } from "./audience-estimate";
import { RuleGroup } from "./rule-group";
import { fromBuilder, toBuilder, type GroupNode } from "./rule-tree";

/**
 * Builds the audience rule (page URL, events, attributes, identified or not,
 * locale, device, nested all/any groups) and shows the live estimate. `value` is
 * the rule as the API stores it; undefined means everyone. A stored rule the
 * builder cannot read (it should not happen: the server validates) is shown as
 * JSON rather than silently replaced.
 */
export function AudienceBuilder({ value, onChange, errors, workspaceId }: {
  value: unknown;
  onChange(rule: Rule | undefined): void;
  errors: Errors;
  workspaceId: string;
}) {
  const readable = value === undefined || value === null || validateRule(value).length === 0;
  const [tree, setTree] = useState<GroupNode>(() => toBuilder(readable && value !== null ? (value as Rule | undefined) : undefined));
  const rule = fromBuilder(tree);
  const change = (next: GroupNode) => {
    setTree(next);
    onChange(fromBuilder(next));
  };
  return (
    <div class="stack audience-builder">
      {!readable && (
        <p class="error" role="alert">
          The stored audience could not be read; editing replaces it. It was: <code>{JSON.stringify(value)}</code>
        </p>
      )}
      <RuleGroup group={tree} path="audience" id="audience" depth={0} errors={errors} onChange={change} />
      <p class="hint">In words: {summarizeAudience(rule)}</p>
      <AudienceEstimate workspaceId={workspaceId} rule={rule} />
    </div>
  );
}
