import { render } from "preact";
import { describe, expect, it } from "vitest";
import { validateRule, type Rule } from "../../../../core/engagement/rules";
import { RuleGroup } from "../../../../inbox/src/engagement/audience/rule-group";
import { blankCondition, CONDITION_KINDS, fromBuilder, toBuilder, withOperator, type GroupNode } from "../../../../inbox/src/engagement/audience/rule-tree";
import { errorsAtControls } from "./rest-errors";
import { freshContainer } from "../../../support/dom-container";

let container: HTMLElement;
freshContainer((element) => (container = element));

const EVERY_KIND: Rule = {
  any: [
    { all: [{ url: "https://shop.example.com/pricing*" }, { event: "report_exported", op: "gt", count: 2 }, { not: { identified: true } }] },
    { attribute: "email", op: "contains", value: "@acme.com" },
    { customAttribute: "seats", op: "gt", value: 10 },
    { customAttribute: "beta", op: "eq", value: true },
    { attribute: "locale", op: "contains", value: "fr" },
    { not: { attribute: "deviceType", op: "eq", value: "mobile" } },
    { not: { all: [{ customAttribute: "plan", op: "exists" }] } },
  ],
};

describe("the audience rule builder's model", () => {
  it("reads every rule the engine evaluates and writes back the same rule", () => {
    expect(validateRule(EVERY_KIND)).toEqual([]);
    expect(fromBuilder(toBuilder(EVERY_KIND))).toEqual(EVERY_KIND);
  });

  it("means everyone with no condition, and wraps a lone condition in a group", () => {
    expect(fromBuilder(toBuilder(undefined))).toBeUndefined();
    expect(fromBuilder(toBuilder({ identified: false }))).toEqual({ all: [{ identified: false }] });
    expect(fromBuilder(toBuilder({ not: { url: "/x" } }))).toEqual({ all: [{ not: { url: "/x" } }] });
  });

  it("offers page URL, events, identified, attributes, locale and device, each starting from a shape the engine knows", () => {
    expect(CONDITION_KINDS.map(([kind]) => kind)).toEqual(["url", "event", "identified", "attribute", "customAttribute", "locale", "device"]);
    const filled: Record<string, Rule> = {
      url: { url: "/pricing" },
      event: { event: "signed_up", op: "eq", count: 1 },
      identified: blankCondition("identified"),
      attribute: { attribute: "email", op: "contains", value: "@a.com" },
      customAttribute: { customAttribute: "plan", op: "eq", value: "pro" },
      locale: { attribute: "locale", op: "contains", value: "fr" },
      device: blankCondition("device"),
    };
    for (const [kind] of CONDITION_KINDS) expect(Object.keys(blankCondition(kind))).toEqual(Object.keys(filled[kind]!));
    expect(validateRule({ all: Object.values(filled) })).toEqual([]);
  });

  it("keeps an operator change valid: exists drops the value, gt wants a number", () => {
    const condition = { customAttribute: "seats", op: "eq" as const, value: "12" };
    expect(withOperator(condition, "exists")).toEqual({ customAttribute: "seats", op: "exists" });
    expect(withOperator(condition, "gt")).toEqual({ customAttribute: "seats", op: "gt", value: 12 });
    expect(withOperator({ customAttribute: "seats", op: "gt", value: 12 }, "contains")).toEqual({ customAttribute: "seats", op: "contains", value: "12" });
  });
});

describe("the audience rule builder", () => {
  it("shows each error of the rule at its field, nested groups and reversed conditions included", () => {
    const rule = { all: [{ url: "" }, { any: [{ not: { event: "", op: "gt", count: -1 } }] }] };
    const errors = Object.fromEntries(validateRule(rule, "audience").map((error) => [error.path, error.message]));
    expect(Object.keys(errors).sort()).toEqual(["audience.all.0.url", "audience.all.1.any.0.not.count", "audience.all.1.any.0.not.event"]);
    const tree = toBuilder(rule as Rule);
    render(<RuleGroup group={tree} path="audience" id="audience" depth={0} errors={errors} onChange={() => undefined} />, container);
    const shown = errorsAtControls(container);
    expect(shown.get("audience-0-url")).toContain(errors["audience.all.0.url"]);
    expect(shown.get("audience-1-0-event")).toContain(errors["audience.all.1.any.0.not.event"]);
    expect(shown.get("audience-1-0-count")).toContain(errors["audience.all.1.any.0.not.count"]);
  });

  it("adds a condition and a group, changes what a condition looks at, and reports the rule", () => {
    let tree: GroupNode = toBuilder(undefined);
    const draw = () => render(<RuleGroup group={tree} path="audience" id="audience" depth={0} errors={{}} onChange={(next) => { tree = next; draw(); }} />, container);
    draw();
    const button = (name: string) => [...container.querySelectorAll("button")].find((b) => b.textContent?.trim() === name)!;
    button("Add a condition").click();
    const kind = container.querySelector<HTMLSelectElement>("#audience-0-kind")!;
    kind.value = "locale";
    kind.dispatchEvent(new Event("change"));
    const value = container.querySelector<HTMLInputElement>("#audience-0-value")!;
    value.value = "de";
    value.dispatchEvent(new Event("input"));
    button("Add a group").click();
    expect(fromBuilder(tree)).toEqual({ all: [{ attribute: "locale", op: "contains", value: "de" }, { all: [] }] });
  });
});
