import * as z from "zod/mini";

// zod probes `new Function` once to decide whether it may compile validators. On a page
// with a strict CSP (no 'unsafe-eval') that probe is reported as a CSP violation even
// though zod swallows the error, so the widget opts out of compilation entirely. This is
// our own bundled copy of zod: the host page's zod (if any) is unaffected.
z.config({ jitless: true });

export { z };

/** One readable sentence for the first problem zod found. */
export function describeIssue(error: z.core.$ZodError, subject: string): string {
  const issue = error.issues[0];
  if (!issue) return `${subject} is invalid`;
  const where = issue.path.length > 0 ? issue.path.map(String).join(".") : subject;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `${where} is required`
        : `${where} must be ${article(issue.expected)} ${issue.expected}`;
    case "invalid_format":
      return `${where} must be a valid ${issue.format === "url" ? "http(s) URL" : issue.format}`;
    case "too_small":
      return `${where} must not be empty`;
    case "too_big":
      return `${where} is too long (at most ${String(issue.maximum)})`;
    default:
      return `${where} is invalid`;
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}
