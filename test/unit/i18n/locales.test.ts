import { describe, expect, it } from "vitest";
import { messages as en } from "../../../src/i18n/en";
import { loadMessages } from "../../../src/i18n/load";
import { isRtl, matchLocale, negotiateLocale, SUPPORTED_LOCALES } from "../../../src/i18n/locales";
import { plural } from "../../../src/i18n/plural";

function shape(value: unknown): unknown {
  if (typeof value === "function") return `fn/${value.length}`;
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

describe("locales", () => {
  it("negotiates from navigator.languages: regional tags match their language, else English", () => {
    expect(negotiateLocale(["fr-CA", "en"])).toBe("fr");
    expect(negotiateLocale(["pt-BR", "DE-at"])).toBe("de");
    expect(negotiateLocale(["tlh"])).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
    expect(matchLocale("ar_EG")).toBe("ar");
    expect(matchLocale("")).toBeNull();
    expect(isRtl("ar")).toBe(true);
    expect(isRtl("fr")).toBe(false);
  });

  it("every locale has every English key, with the same kinds of values, and real text", async () => {
    for (const locale of SUPPORTED_LOCALES) {
      const messages = await loadMessages(locale);
      expect(shape(messages), locale).toEqual(shape(en));
      for (const [key, value] of Object.entries(messages)) {
        if (typeof value === "string") expect(value.trim(), `${locale}.${key}`).not.toBe("");
      }
      expect(messages.launcher.unread(3)).toMatch(/3|٣/);
      expect(messages.typing("Ada")).toContain("Ada");
      if (locale !== "en") expect(messages.send, locale).not.toBe(en.send);
    }
  });

  it("plural forms follow each language's rules", async () => {
    const ar = await loadMessages("ar");
    expect([0, 1, 2, 3, 11].map((n) => ar.launcher.unread(n))).toEqual([
      "لا رسائل غير مقروءة",
      "رسالة واحدة غير مقروءة",
      "رسالتان غير مقروءتين",
      `${new Intl.NumberFormat("ar").format(3)} رسائل غير مقروءة`,
      `${new Intl.NumberFormat("ar").format(11)} رسالة غير مقروءة`,
    ]);
    expect(en.launcher.unread(1)).toBe("1 unread message");
    expect(en.launcher.unread(2)).toBe("2 unread messages");
    expect((await loadMessages("fr")).launcher.unread(0)).toBe("0 message non lu"); // French: 0 is singular
    expect(plural("en", 1000, { other: "# things" })).toBe("1,000 things");
  });
});
