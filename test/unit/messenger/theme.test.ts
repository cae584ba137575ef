import { describe, expect, it } from "vitest";
import { contrastRatio, parseHexColor, readableTextColor, themeCss } from "../../../src/messenger/theme";

describe("theme", () => {
  it("parses short and long hex colours", () => {
    expect(parseHexColor("#fff")).toEqual([255, 255, 255]);
    expect(parseHexColor("#2563eb")).toEqual([37, 99, 235]);
    expect(parseHexColor("red")).toBeNull();
  });

  it("picks white on dark brand colours and ink on light ones", () => {
    expect(readableTextColor("#2563eb")).toBe("#ffffff");
    expect(readableTextColor("#111827")).toBe("#ffffff");
    expect(readableTextColor("#facc15")).toBe("#111827");
    expect(readableTextColor("#ffffff")).toBe("#111827");
  });

  it("always reaches WCAG AA for large text on the brand colour", () => {
    for (const colour of ["#2563eb", "#16a34a", "#f97316", "#e11d48", "#7c3aed", "#0ea5e9", "#a3e635"]) {
      const text = parseHexColor(readableTextColor(colour))!;
      expect(contrastRatio(parseHexColor(colour)!, text)).toBeGreaterThanOrEqual(3);
    }
  });

  it("writes only a validated colour into the stylesheet", () => {
    expect(themeCss({ primaryColor: "#15803d" })).toBe(":host{--oc-primary:#15803d;--oc-on-primary:#ffffff}");
    expect(themeCss({ primaryColor: "#fde047" })).toBe(":host{--oc-primary:#fde047;--oc-on-primary:#111827}");
    expect(themeCss({ primaryColor: "red;}body{display:none" })).toContain("--oc-primary:#2563eb");
  });
});
