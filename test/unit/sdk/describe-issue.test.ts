import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { parseAttributes, parseConfig, parseUser } from "../../../src/sdk/config";
import { describeIssue } from "../../../src/sdk/describe-issue";

function explain(schema: v.GenericSchema, input: unknown): string {
  const result = v.safeParse(schema, input, { abortEarly: true });
  return result.success ? "ok" : describeIssue(result.issues, "input");
}

describe("describeIssue", () => {
  const schema = v.object({
    name: v.pipe(v.string(), v.minLength(1), v.maxLength(5)),
    code: v.exactOptional(v.pipe(v.string(), v.minLength(3))),
    site: v.exactOptional(v.pipe(v.string(), v.url())),
    side: v.exactOptional(v.picklist(["left", "right"])),
    note: v.exactOptional(v.union([v.string(), v.null()])),
    tags: v.exactOptional(v.array(v.object({ id: v.number() }))),
    colour: v.exactOptional(v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/))),
  });

  it("names the field by its dot path and says what it must be", () => {
    expect(explain(schema, "x")).toBe("input must be an object");
    expect(explain(schema, {})).toBe("name is required");
    expect(explain(schema, { name: 3 })).toBe("name must be a string");
    expect(explain(schema, { name: "ok", side: "up" })).toBe('side must be "left" or "right"');
    expect(explain(schema, { name: "ok", note: 1 })).toBe("note must be a string or null");
    expect(explain(schema, { name: "ok", tags: [{ id: 1 }, { id: "2" }] })).toBe("tags.1.id must be a number");
  });

  it("explains length, URL and format problems", () => {
    expect(explain(schema, { name: "" })).toBe("name must not be empty");
    expect(explain(schema, { name: "toolong" })).toBe("name is too long (at most 5)");
    expect(explain(schema, { name: "ok", code: "ab" })).toBe("code is too short (at least 3)");
    expect(explain(schema, { name: "ok", site: "not a url" })).toBe("site must be a valid URL");
    expect(explain(schema, { name: "ok", colour: "red" })).toBe("colour is invalid");
  });

  it("uses the wording a check carries", () => {
    const even = v.object({ n: v.pipe(v.number(), v.check((n) => n % 2 === 0, "must be even")) });
    expect(explain(even, { n: 3 })).toBe("n must be even");
  });

  it("falls back on the subject when there is no issue", () => {
    expect(describeIssue([], "config")).toBe("config is invalid");
  });
});

// zod refused arrays where an object was expected; valibot's object() and record() accept
// them, so the public API's parsers refuse them explicitly.
describe("arrays are not objects at the public API", () => {
  it("refuses an array as the config, the user or the attributes", () => {
    expect(parseConfig([])).toEqual({ ok: false, message: "config must be an object" });
    expect(parseConfig({ convexUrl: "https://a.convex.cloud", workspaceId: "demo", user: [] })).toEqual({
      ok: false,
      message: "user must be an object",
    });
    expect(parseUser(["u1"])).toEqual({ ok: false, message: "user must be an object" });
    expect(parseUser({ userId: "u1", customAttributes: [1] })).toEqual({
      ok: false,
      message: "customAttributes must be an object",
    });
    expect(parseAttributes([1, 2])).toEqual({ ok: false, message: "properties must be an object" });
  });
});
