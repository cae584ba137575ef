import { describe, expect, it } from "vitest";
import { contrastRatio, formatRatio, parseColor, textOn } from "../../../../core/theme/colors";
import { depthOf, findInjection, findTooDeep, isColor, isFontFamily, isRadius, mergeConfigurations } from "../../../../core/theme/configuration";

describe("colours", () => {
  it("parses hex, rgb() and hsl() to the same channels", () => {
    expect(parseColor("#1a73e8")).toEqual([26, 115, 232]);
    expect(parseColor("rgb(26, 115, 232)")).toEqual([26, 115, 232]);
    expect(parseColor("rgb(100%,0%,0%)")).toEqual([255, 0, 0]);
    expect(parseColor("hsl(0, 100%, 50%)")!.map(Math.round)).toEqual([255, 0, 0]);
    expect(parseColor("hsl(240deg, 100%, 50%)")!.map(Math.round)).toEqual([0, 0, 255]);
  });

  it.each(["red", "#12345", "rgb(256, 0, 0)", "rgb(1,2)", "rgba(0,0,0,0)", "hsl(361, 10%, 10%)", "#fff;}body{", "var(--x)", "expression(1)", "url(data:x)"])(
    "refuses %s",
    (text) => expect(isColor(text)).toBe(false),
  );

  it("measures WCAG contrast and reports it rounded down", () => {
    expect(contrastRatio([255, 255, 255], [0, 0, 0])).toBeCloseTo(21, 5);
    const grey = textOn(parseColor("#7a7a7a")!);
    expect(grey.ratio).toBeLessThan(4.5);
    expect(formatRatio(4.499)).toBe("4.49");
  });
});

describe("fonts and radii", () => {
  it.each(['Inter, "Helvetica Neue", sans-serif', "system-ui", "'Open Sans', Arial", "Segoe UI, Roboto"])("accepts the font list %s", (text) => {
    expect(isFontFamily(text)).toBe(true);
  });
  it.each(["Inter; color: red", "Inter}body{display:none", "expression(alert(1))", '"Inter', "url(x)", "a\\62 c", "", "Inter,,Arial"])(
    "refuses the font list %s",
    (text) => expect(isFontFamily(text)).toBe(false),
  );
  it("takes lengths within bounds only", () => {
    for (const ok of ["0", "12px", "0.5rem", "4em", "50%", "64px"]) expect(isRadius(ok)).toBe(true);
    for (const bad of ["12", "65px", "-1px", "5rem", "calc(1px)", "12px;", "1e3px"]) expect(isRadius(bad)).toBe(false);
  });
});

describe("screening", () => {
  it("counts depth as the seed does: the root is level 1, leaves included", () => {
    expect(depthOf({ a: { b: { c: { d: 1 } } } })).toBe(5);
    expect(findTooDeep({ a: { b: { c: { d: 1 } } } })).toBeNull();
    expect(findTooDeep({ a: { b: { c: { d: { e: 1 } } } } })).toBe("a.b.c.d.e");
    expect(findTooDeep({ list: [[[[1]]]] })).toBe("list.0.0.0.0");
  });
  it("finds injection patterns in values and keys, naming the path", () => {
    expect(findInjection({ theme: { fontFamily: "x JavaScript : y" } })).toEqual({ path: "theme.fontFamily", detail: expect.stringContaining("javascript") });
    expect(findInjection({ payload: { "@import x": 1 } })?.path).toBe("payload.@import x");
    expect(findInjection({ theme: { primaryColor: "#fff" } })).toBeNull();
  });
  it("merges a chain field by field; a list of listeners replaces the inherited one", () => {
    const merged = mergeConfigurations([
      { theme: { primaryColor: "#000000", borderRadius: "4px" }, eventListeners: [{ eventType: "widget_open", action: "emit", payload: {} }] },
      { theme: { borderRadius: "8px" }, eventListeners: [] },
    ]);
    expect(merged.theme).toMatchObject({ primaryColor: "#000000", borderRadius: "8px", widgetSize: "medium" });
    expect(merged.eventListeners).toEqual([]);
  });
});
