import { removed, replaced } from "../editor-kit/lists";
import { CheckField, SelectField, type Errors } from "../editor-kit/fields";
import { errorAt } from "../draft";
import { ItemActions } from "../editor-kit/item-actions";
import { ConditionRow } from "./condition-row";
import { blankCondition, childPath, emptyGroup, innerPath, type BuilderNode, type GroupNode } from "./rule-tree";

/** Rules nest at most ten levels on the server; the builder stops offering groups well before. */
const MAX_GROUP_DEPTH = 4;

/**
 * A group of conditions matched "all" or "any", possibly reversed; it holds
 * conditions and further groups. The root group has no remove or reverse.
 */
export function RuleGroup({ group, path, id, depth, errors, onChange, onRemove, index = 0, count = 1 }: {
  group: GroupNode;
  path: string;
  id: string;
  depth: number;
  errors: Errors;
  onChange(group: GroupNode): void;
  onRemove?: () => void;
  index?: number;
  count?: number;
}) {
  const setChild = (at: number, child: BuilderNode) => onChange({ ...group, children: replaced(group.children, at, child) });
  const dropChild = (at: number) => onChange({ ...group, children: removed(group.children, at) });
  const add = (child: BuilderNode) => onChange({ ...group, children: [...group.children, child] });
  const listError = errorAt(errors, `${innerPath(group, path)}.${group.mode}`) ?? errorAt(errors, innerPath(group, path));
  return (
    <fieldset class="audience-group">
      <legend>{depth === 0 ? "Who sees it" : `Group ${index + 1}`}</legend>
      {listError !== null && <p class="error" role="alert">{listError}</p>}
      <SelectField
        id={`${id}-mode`}
        label="Match"
        value={group.mode}
        options={[["all", "all of these conditions"], ["any", "any of these conditions"]]}
        error={null}
        onChange={(mode) => onChange({ ...group, mode })}
      />
      {depth > 0 && <CheckField id={`${id}-negate`} label="Reverse: match visitors this group does not match" checked={group.negate} error={null} onChange={(negate) => onChange({ ...group, negate })} />}
      {group.children.length === 0 && <p class="hint">{depth === 0 ? "No conditions: everyone." : "No conditions yet."}</p>}
      {group.children.map((child, at) =>
        child.node === "condition" ? (
          <ConditionRow key={at} node={child} path={childPath(group, path, at)} id={`${id}-${at}`} index={at} count={group.children.length} errors={errors} onChange={(next) => setChild(at, next)} onRemove={() => dropChild(at)} />
        ) : (
          <RuleGroup key={at} group={child} path={childPath(group, path, at)} id={`${id}-${at}`} depth={depth + 1} index={at} count={group.children.length} errors={errors} onChange={(next) => setChild(at, next)} onRemove={() => dropChild(at)} />
        ),
      )}
      <div class="inline-form">
        <button type="button" onClick={() => add({ node: "condition", negate: false, condition: blankCondition("url") })}>
          Add a condition{depth > 0 && <span class="visually-hidden"> to group {index + 1}</span>}
        </button>
        {depth < MAX_GROUP_DEPTH && (
          <button type="button" class="quiet" onClick={() => add(emptyGroup())}>
            Add a group{depth > 0 && <span class="visually-hidden"> inside group {index + 1}</span>}
          </button>
        )}
      </div>
      {onRemove !== undefined && <ItemActions what="group" index={index} count={count} onRemove={onRemove} />}
    </fieldset>
  );
}
