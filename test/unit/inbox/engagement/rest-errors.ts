import type { z } from "zod";

/** The server's `fields` map for a body: each issue's message under its path joined with ".". */
export function restErrors(schema: z.ZodType, body: unknown): Record<string, string> {
  const result = schema.safeParse(body);
  if (result.success) return {};
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join(".")] ??= issue.message;
  return fields;
}

/** The messages that sit at a control: described by an aria-invalid control, keyed by the control's id. */
export function errorsAtControls(container: HTMLElement): Map<string, string> {
  const shown = new Map<string, string>();
  for (const control of container.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) {
    const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    const text = ids.map((id) => container.querySelector(`[id="${id}"]`)?.textContent ?? "").join(" ");
    shown.set(control.id, text);
  }
  return shown;
}
