import type { BaseIssue } from "valibot";

/*
 * Schemas in the browser bundle use valibot, not zod (docs/architecture.md says why: a
 * fraction of the bytes, and it never compiles validators with `new Function`, so a strict
 * CSP without 'unsafe-eval' sees no violation report either). The server keeps full zod.
 */

/**
 * One readable sentence for the first problem valibot found, naming the field by its dot
 * path ("user.email must be a string"), or `subject` when the input as a whole is wrong.
 * `v.check` and `v.custom` have no wording of their own to fall back on, so each one in
 * src/ carries a message phrased as what the value must be ("must be a valid http(s) URL").
 */
export function describeIssue(issues: readonly BaseIssue<unknown>[], subject: string): string {
  const issue = issues[0];
  if (!issue) return `${subject} is invalid`;
  const where = issue.path?.map((item) => String(item.key)).join(".") || subject;
  // A missing key (or an explicit undefined) is reported with an undefined input.
  if (issue.kind === "schema" && issue.input === undefined) return `${where} is required`;
  if (issue.type === "check" || issue.type === "custom") return `${where} ${issue.message}`;
  if (issue.kind === "schema") return `${where} must be ${expectation(issue.expected)}`;
  switch (issue.type) {
    case "min_length":
      return issue.requirement === 1
        ? `${where} must not be empty`
        : `${where} is too short (at least ${String(issue.requirement)})`;
    case "max_length":
      return `${where} is too long (at most ${String(issue.requirement)})`;
    case "url":
      return `${where} must be a valid URL`;
    default:
      return `${where} is invalid`;
  }
}

/** valibot's `expected` ("string", "Object", `("a" | "b")`, "(string | null)") in words. */
function expectation(expected: string | null): string {
  if (!expected) return "valid";
  const options = expected.replace(/^\((.*)\)$/, "$1").split(" | ").map(typeName);
  const last = options.pop() ?? "valid";
  return options.length === 0 ? last : `${options.join(", ")} or ${last}`;
}

/** "Object" → "an object"; literals (`"left"`, null) stay as they are. */
function typeName(option: string): string {
  if (!/^[a-z]+$/i.test(option) || option === "null" || option === "undefined") return option;
  const word = option.toLowerCase();
  return `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
}
