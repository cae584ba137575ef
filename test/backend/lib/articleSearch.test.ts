import { describe, expect, test } from "vitest";
import { matchedTermCount, plainText, rankArticles, searchTerms, snippet } from "../../../convex/lib/articleSearch";

describe("articleSearch", () => {
  test("terms: lower case, punctuation dropped, at most ten", () => {
    expect(searchTerms("  Refund, POLICY?! ")).toEqual(["refund", "policy"]);
    expect(searchTerms("Café crème")).toEqual(["café", "crème"]);
    expect(searchTerms("a b c d e f g h i j k l")).toHaveLength(10);
  });

  test("title matches rank first (more matched terms first), then body order; each article once", () => {
    const a = { _id: "a", title: "Invoices" };
    const b = { _id: "b", title: "Refund policy" };
    const c = { _id: "c", title: "Refunds" };
    const d = { _id: "d", title: "Other" };
    const ranked = rankArticles(["refund", "policy"], [c, b], [d, a, b]);
    expect(ranked.map((hit) => hit._id)).toEqual(["b", "c", "d", "a"]);
    expect(rankArticles(["x"], [a], [b], 1)).toEqual([a]);
    expect(matchedTermCount("Refund policy", ["ref", "pol", "zzz"])).toBe(2);
  });

  test("snippets are plain text around the first match", () => {
    expect(plainText("**Bold** [link](https://x.y) ![pic](https://x.y/p.png) `code`")).toBe("Bold link pic code");
    const long = `${"lorem ".repeat(50)}refunds take 14 days ${"ipsum ".repeat(50)}`;
    const excerpt = snippet(long, ["refund"], 60);
    expect(excerpt).toContain("refunds take 14 days");
    expect(excerpt.startsWith("…")).toBe(true);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(snippet("Short body", ["x"])).toBe("Short body");
  });
});
