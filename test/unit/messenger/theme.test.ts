import { describe, expect, it } from "vitest";
import { AA_TEXT, accessiblePrimary, adjustForContrast, contrastRatio, parseHexColor, readableTextColor, themeCss } from "../../../src/messenger/theme";

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
    expect(themeCss({ primaryColor: "#15803d" })).toMatch(/^:host\{--oc-primary:#15803d;--oc-on-primary:#ffffff;--oc-primary-text:#15803d;--oc-primary-text-dark:#[0-9a-f]{6}\}$/);
    expect(themeCss({ primaryColor: "#fde047" })).toContain("--oc-primary:#fde047;--oc-on-primary:#111827");
    expect(themeCss({ primaryColor: "red;}body{display:none" })).toContain("--oc-primary:#2563eb");
    expect(themeCss({ primaryColor: "red;}body{display:none" })).not.toContain("body");
  });

  it("gives every brand colour a text colour at WCAG AA (4.5:1), darkening mid-tones when needed", () => {
    for (const colour of ["#2563eb", "#16a34a", "#f97316", "#e11d48", "#7c3aed", "#0ea5e9", "#a3e635", "#777777", "#ff0000", "#00ff00", "#808080"]) {
      const { background, text, ratio } = accessiblePrimary(colour);
      expect(ratio).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(parseHexColor(background)!, parseHexColor(text)!)).toBeCloseTo(ratio, 5);
    }
    expect(accessiblePrimary("#2563eb")).toEqual({ background: "#2563eb", text: "#ffffff", ratio: expect.any(Number) });
    // #777777 reaches only 4.48:1 with white and less with ink: it is darkened a little.
    expect(accessiblePrimary("#777777").background).not.toBe("#777777");
  });

  it("adjusts the brand colour for text on light and dark surfaces", () => {
    const white = parseHexColor("#ffffff")!;
    const dark = parseHexColor("#181b21")!;
    for (const colour of ["#4f46e5", "#facc15", "#a3e635", "#1e3a8a"]) {
      expect(contrastRatio(parseHexColor(adjustForContrast(colour, white))!, white)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(parseHexColor(adjustForContrast(colour, dark))!, dark)).toBeGreaterThanOrEqual(AA_TEXT);
    }
    expect(adjustForContrast("#1e3a8a", white)).toBe("#1e3a8a"); // already readable: unchanged
  });
});
