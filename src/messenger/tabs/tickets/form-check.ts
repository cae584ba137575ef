import type { Messages } from "../../../i18n/en";
import type { TicketField } from "./wire";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form's problems before sending, by field id ("title" for the subject), in the visitor's language. Pure. */
export function ticketFormProblems(
  t: Messages,
  fields: readonly TicketField[],
  title: string,
  answers: Readonly<Record<string, string>>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (title.trim() === "") problems["title"] = t.fieldRequired(t.ticketSubject);
  for (const field of fields) {
    const value = (answers[field.id] ?? "").trim();
    if (value === "" && field.required) problems[field.id] = t.fieldRequired(field.label);
    else if (value !== "" && field.type === "email" && !EMAIL.test(value)) problems[field.id] = t.emailInvalid;
  }
  return problems;
}
