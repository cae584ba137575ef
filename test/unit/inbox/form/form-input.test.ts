import { describe, expect, it } from "vitest";
import { fieldOf } from "../../../../inbox/src/form/use-save";
import { originLines, wholeNumber } from "../../../../inbox/src/settings/security/security-input";
import { durationField } from "../../../../inbox/src/settings/sla/durations";

describe("the settings forms' input helpers", () => {
  it("read SLA targets in minutes or hours, empty as none", () => {
    expect(durationField("", "minutes")).toEqual({ ok: true, millis: null });
    expect(durationField(" 30 ", "minutes")).toEqual({ ok: true, millis: 1_800_000 });
    expect(durationField("1,5", "hours")).toEqual({ ok: true, millis: 5_400_000 });
    expect(durationField("0", "hours").ok).toBe(false);
    expect(durationField("soon", "minutes")).toEqual({ ok: false, error: "Enter a number of minutes greater than 0, or leave it empty." });
  });

  it("split allowed origins by line and read whole numbers", () => {
    expect(originLines(" https://a.example \n\n http://localhost:* \n")).toEqual(["https://a.example", "http://localhost:*"]);
    expect(wholeNumber(" 24 ")).toBe(24);
    expect(wholeNumber("1.5")).toBeNull();
    expect(wholeNumber("")).toBeNull();
  });

  it("find the field a server error names", () => {
    expect(fieldOf({ data: { code: "INVALID_ARGUMENT", message: "m", field: "allowedOrigins.1" } })).toBe("allowedOrigins.1");
    expect(fieldOf(new Error("boom"))).toBeNull();
  });
});
