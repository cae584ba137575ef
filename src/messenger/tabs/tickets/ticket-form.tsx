import { useState } from "preact/hooks";
import { readAppError } from "../../../runtime/errors";
import { backend } from "../../../runtime/functions";
import { useQuery } from "../../panel/hooks";
import { useT } from "../../panel/i18n";
import { Loading } from "../../panel/live-content";
import type { MessengerController } from "../../types";
import { ticketFormProblems } from "./form-check";
import { parseCreated, parseForm, type TicketField } from "./wire";

export interface TicketFormProps {
  controller: MessengerController;
  onCreated(ticketId: string): void;
}

/** A new ticket: the subject plus the workspace's form fields, checked before sending and by the server. */
export function TicketForm({ controller, onCreated }: TicketFormProps) {
  const t = useT();
  const [form] = useQuery(controller, backend.tickets.getForm, {}, parseForm);
  const [title, setTitle] = useState("");
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (form.status !== "ready") return <Loading />;
  const fields = form.data;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = ticketFormProblems(t, fields, title, answers);
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const created = parseCreated(await controller.mutate(backend.tickets.create, { title: title.trim(), fields: answers }));
      onCreated(created.id);
    } catch (error) {
      const info = readAppError(error);
      const field = info?.field?.replace(/^fields\./, "");
      if (field) setProblems({ [field]: info?.message ?? t.ticketFailed });
      else setFailure(t.ticketFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="oc-ticket-form" onSubmit={submit} noValidate>
      <Field id="title" label={t.ticketSubject} required problem={problems["title"]}>
        {(props) => <input {...props} type="text" value={title} maxLength={200} onInput={(e) => setTitle(e.currentTarget.value)} />}
      </Field>
      {fields.map((field) => (
        <Field key={field.id} id={field.id} label={field.label} required={field.required} problem={problems[field.id]}>
          {(props) => <Input field={field} value={answers[field.id] ?? ""} onChange={(value) => setAnswers({ ...answers, [field.id]: value })} {...props} />}
        </Field>
      ))}
      {failure && (
        <p class="oc-composer-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" class="oc-primary" disabled={busy}>
        {busy ? t.submitting : t.submitTicket}
      </button>
    </form>
  );
}

type ControlProps = { id: string; "aria-invalid": "true" | "false"; "aria-describedby"?: string; "aria-required": "true" | "false" };

function Field(props: { id: string; label: string; required: boolean; problem: string | undefined; children(control: ControlProps): preact.JSX.Element }) {
  const t = useT();
  const controlId = `oc-ticket-${props.id}`;
  const errorId = `${controlId}-error`;
  return (
    <div class="oc-field">
      <label for={controlId}>
        {props.label}
        {props.required && <span class="oc-required"> ({t.required})</span>}
      </label>
      {props.children({
        id: controlId,
        "aria-invalid": props.problem ? "true" : "false",
        "aria-required": props.required ? "true" : "false",
        ...(props.problem ? { "aria-describedby": errorId } : {}),
      })}
      {props.problem && (
        <p id={errorId} class="oc-composer-error">
          {props.problem}
        </p>
      )}
    </div>
  );
}

function Input({ field, value, onChange, ...control }: ControlProps & { field: TicketField; value: string; onChange(value: string): void }) {
  const t = useT();
  if (field.type === "textarea") return <textarea {...control} rows={4} value={value} onInput={(e) => onChange(e.currentTarget.value)} />;
  if (field.type === "select") {
    return (
      <select {...control} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t.chooseOption}</option>
        {(field.options ?? []).map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  const onInput = (e: { currentTarget: HTMLInputElement }) => onChange(e.currentTarget.value);
  if (field.type === "email") return <input {...control} type="email" autocomplete="email" value={value} onInput={onInput} />;
  return <input {...control} type="text" value={value} onInput={onInput} />;
}
