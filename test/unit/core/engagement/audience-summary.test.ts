import { describe, expect, it } from "vitest";
import { summarizeAudience } from "../../../../core/engagement/audience-summary";

describe("an audience rule in words", () => {
  it("says Everyone without a rule or with an empty one", () => {
    expect(summarizeAudience(undefined)).toBe("Everyone");
    expect(summarizeAudience(null)).toBe("Everyone");
    expect(summarizeAudience({ all: [] })).toBe("Everyone");
    expect(summarizeAudience({ any: [] })).toBe("No one");
  });

  it("names who, where and the rest", () => {
    expect(summarizeAudience({ all: [{ identified: true }, { url: "/pricing*" }] })).toBe("Identified users on /pricing*");
    expect(summarizeAudience({ identified: false })).toBe("Anonymous visitors");
    expect(summarizeAudience({ all: [{ customAttribute: "plan", op: "eq", value: "pro" }, { event: "export", op: "gt", count: 2 }] })).toBe(
      'Visitors where plan is "pro" and did export more than 2 times',
    );
    expect(summarizeAudience({ any: [{ attribute: "email", op: "exists" }, { not: { url: "/admin*" } }] })).toBe(
      "Visitors where (email is set or not on /admin*)",
    );
  });

  it("stays short and never throws on a malformed rule", () => {
    expect(summarizeAudience({ bogus: 1 })).toBe("Visitors where a custom rule");
    const long = { all: Array.from({ length: 30 }, (_, index) => ({ customAttribute: `attribute${index}`, op: "eq", value: "x" })) };
    expect(summarizeAudience(long).length).toBeLessThanOrEqual(120);
    expect(summarizeAudience(long).endsWith("…")).toBe(true);
  });
});
