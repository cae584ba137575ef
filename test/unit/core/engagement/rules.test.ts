import { describe, expect, test } from "vitest";
import { evaluateAudience, referencedEvents, validateRule, type AudienceContext } from "../../../../core/engagement/rules";

const context: AudienceContext = {
  visitor: {
    identified: true,
    attributes: { email: "Ada@Acme.com", name: "Ada", browser: "Firefox" },
    customAttributes: { plan: "pro", seats: 12, beta: true, nickname: "", churned: null },
  },
  eventCounts: { report_exported: 3, $pageview: 1 },
  url: "https://app.example.com/settings/billing",
};

const anonymous: AudienceContext = {
  visitor: { identified: false, attributes: {}, customAttributes: {} },
  eventCounts: {},
  url: "https://app.example.com/",
};

describe("evaluateAudience: conditions", () => {
  test("attribute operators", () => {
    const check = (rule: unknown) => evaluateAudience(rule, context);
    expect(check({ attribute: "name", op: "eq", value: "Ada" })).toBe(true);
    expect(check({ attribute: "name", op: "eq", value: "ada" })).toBe(false);
    expect(check({ attribute: "name", op: "neq", value: "Bob" })).toBe(true);
    expect(check({ attribute: "email", op: "contains", value: "@acme.COM" })).toBe(true);
    expect(check({ attribute: "email", op: "contains", value: "@globex" })).toBe(false);
    expect(check({ attribute: "email", op: "exists" })).toBe(true);
    expect(check({ attribute: "userId", op: "exists" })).toBe(false);
    // neq is true for a missing attribute: "not Bob" holds for someone unnamed.
    expect(check({ attribute: "userId", op: "neq", value: "u1" })).toBe(true);
  });

  test("custom attributes: numbers compare numerically, strictly typed", () => {
    const check = (rule: unknown) => evaluateAudience(rule, context);
    expect(check({ customAttribute: "seats", op: "gt", value: 10 })).toBe(true);
    expect(check({ customAttribute: "seats", op: "lt", value: 10 })).toBe(false);
    expect(check({ customAttribute: "plan", op: "gt", value: 1 })).toBe(false);
    expect(check({ customAttribute: "seats", op: "eq", value: 12 })).toBe(true);
    expect(check({ customAttribute: "seats", op: "eq", value: "12" })).toBe(false);
    expect(check({ customAttribute: "beta", op: "eq", value: true })).toBe(true);
    expect(check({ customAttribute: "nickname", op: "exists" })).toBe(false);
    expect(check({ customAttribute: "churned", op: "exists" })).toBe(false);
    expect(check({ customAttribute: "churned", op: "eq", value: null })).toBe(true);
    expect(check({ customAttribute: "missing", op: "contains", value: "x" })).toBe(false);
  });

  test("identified vs anonymous", () => {
    expect(evaluateAudience({ identified: true }, context)).toBe(true);
    expect(evaluateAudience({ identified: true }, anonymous)).toBe(false);
    expect(evaluateAudience({ identified: false }, anonymous)).toBe(true);
  });

  test("event counts; events never tracked count 0", () => {
    expect(evaluateAudience({ event: "report_exported", op: "gt", count: 2 }, context)).toBe(true);
    expect(evaluateAudience({ event: "report_exported", op: "eq", count: 3 }, context)).toBe(true);
    expect(evaluateAudience({ event: "report_exported", op: "lt", count: 3 }, context)).toBe(false);
    expect(evaluateAudience({ event: "never", op: "eq", count: 0 }, context)).toBe(true);
    expect(evaluateAudience({ event: "never", op: "gt", count: 0 }, context)).toBe(false);
  });

  test("page URL with wildcards", () => {
    expect(evaluateAudience({ url: "https://app.example.com/settings/*" }, context)).toBe(true);
    expect(evaluateAudience({ url: "https://app.example.com/settings/*" }, anonymous)).toBe(false);
  });
});

describe("evaluateAudience: combinators", () => {
  test("all, any, not and their empty forms", () => {
    const pro = { customAttribute: "plan", op: "eq", value: "pro" };
    const free = { customAttribute: "plan", op: "eq", value: "free" };
    expect(evaluateAudience({ all: [pro, { identified: true }] }, context)).toBe(true);
    expect(evaluateAudience({ all: [pro, free] }, context)).toBe(false);
    expect(evaluateAudience({ any: [free, pro] }, context)).toBe(true);
    expect(evaluateAudience({ not: free }, context)).toBe(true);
    expect(evaluateAudience({ all: [] }, anonymous)).toBe(true);
    expect(evaluateAudience({ any: [] }, anonymous)).toBe(false);
    expect(
      evaluateAudience({ any: [{ all: [{ identified: true }, { not: { url: "*/admin/*" } }] }, free] }, context),
    ).toBe(true);
  });

  test("malformed rules are false, even under not, and never throw", () => {
    for (const bad of [
      null,
      undefined,
      42,
      "all",
      [],
      {},
      { all: "nope" },
      { not: { bogus: 1 } },
      { not: { attribute: "name", op: "eq" } },
      { any: [{ identified: "yes" }] },
      { all: [], any: [] },
    ]) {
      expect(evaluateAudience(bad, context)).toBe(false);
    }
  });

  test("a context with throwing getters evaluates to false", () => {
    const hostile = {
      ...context,
      visitor: {
        ...context.visitor,
        get attributes(): Record<string, string> {
          throw new Error("boom");
        },
      },
    };
    expect(evaluateAudience({ attribute: "name", op: "exists" }, hostile)).toBe(false);
  });
});

describe("validateRule", () => {
  test("a valid rule has no errors", () => {
    expect(
      validateRule({
        all: [
          { attribute: "email", op: "contains", value: "@" },
          { not: { event: "x", op: "gt", count: 0 } },
          { any: [{ url: "*" }, { identified: false }, { customAttribute: "a", op: "exists" }] },
        ],
      }),
    ).toEqual([]);
  });

  test("errors name the path of each problem", () => {
    const errors = validateRule(
      {
        all: [
          { attribute: "email", op: "like", value: "@" },
          { not: { event: "", op: "gt", count: -1 } },
          { customAttribute: "seats", op: "gt", value: "ten" },
          { attribute: "favouriteColour", op: "exists" },
          { url: "*", extra: true },
        ],
      },
      "audience",
    );
    expect(errors).toEqual([
      { path: "audience.all.0.op", message: expect.stringContaining("eq") },
      { path: "audience.all.1.not.event", message: expect.any(String) },
      { path: "audience.all.1.not.count", message: expect.any(String) },
      { path: "audience.all.2.value", message: "gt needs a number." },
      { path: "audience.all.3.attribute", message: expect.stringContaining("Unknown visitor attribute") },
      { path: "audience.all.4.extra", message: expect.any(String) },
    ]);
  });

  test("root errors, value rules per operator, depth and size limits", () => {
    expect(validateRule("x")).toEqual([{ path: "(rule)", message: expect.any(String) }]);
    expect(validateRule({ attribute: "name", op: "exists", value: "x" })[0]?.path).toBe("value");
    expect(validateRule({ attribute: "name", op: "contains", value: 3 })[0]?.path).toBe("value");
    expect(validateRule({ attribute: "name", op: "eq", value: { nested: true } })[0]?.path).toBe("value");
    let deep: unknown = { identified: true };
    for (let i = 0; i < 12; i++) deep = { not: deep };
    expect(validateRule(deep).some((error) => error.message.includes("nest"))).toBe(true);
    const wide = { any: Array.from({ length: 250 }, () => ({ identified: true })) };
    expect(validateRule(wide).some((error) => error.message.includes("at most 200 nodes"))).toBe(true);
  });
});

describe("referencedEvents", () => {
  test("lists each event name a rule counts, once", () => {
    const rule = {
      any: [
        { event: "a", op: "gt", count: 1 },
        { not: { event: "b", op: "eq", count: 0 } },
        { all: [{ event: "a", op: "lt", count: 9 }] },
      ],
    };
    expect(referencedEvents(rule).sort()).toEqual(["a", "b"]);
    expect(referencedEvents({ bogus: true })).toEqual([]);
  });
});
