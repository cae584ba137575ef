import { describe, expect, it } from "vitest";
import { hrefOf, parseRoute, screenRoute, type Route } from "../../../../inbox/src/routes";

describe("the Engagement studio's routes", () => {
  it("round-trip a type's list, an item and a new item through the hash", () => {
    const routes: Route[] = [
      { screen: "engagement", type: "tours", item: null },
      { screen: "engagement", type: "outboundMessages", item: null },
      { screen: "engagement", type: "tooltips", item: "k57abc123" },
      { screen: "engagement", type: "surveys", item: "new" },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
    expect(hrefOf({ screen: "engagement", type: "tours", item: "new" })).toBe("#/engagement/tours/new");
    expect(hrefOf({ screen: "engagement", type: "checklists", item: "a/b" })).toBe("#/engagement/checklists/a%2Fb");
  });

  it("open the first type's list from the section link, and for an unknown type", () => {
    expect(hrefOf(screenRoute("engagement"))).toBe("#/engagement/tours");
    expect(parseRoute("#/engagement")).toEqual({ screen: "engagement", type: "tours", item: null });
    expect(parseRoute("#/engagement/banners/k57")).toEqual({ screen: "engagement", type: "tours", item: null });
    expect(parseRoute("#/engagement/tours/")).toEqual({ screen: "engagement", type: "tours", item: null });
  });
});
