import { useState } from "preact/hooks";
import { logError } from "../../sdk/log";
import { backend } from "../../runtime/functions";
import type { MessengerController } from "../types";
import { useT } from "./i18n";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Its own rules, adopted with this chunk (the prompt shows to few visitors). */
export const CSS = `
.oc-capture{flex:none;margin:0 12px 8px;padding:10px 12px;border:1px solid var(--oc-line);border-radius:12px;
background:var(--oc-soft);font-size:13px}
.oc-capture p{margin:0 0 8px}
.oc-capture-row{display:flex;gap:6px;margin-bottom:6px}
.oc-capture input{flex:1;min-width:0;height:36px;padding:0 10px;border:1px solid var(--oc-field-line);border-radius:8px;
background:var(--oc-field);color:var(--oc-ink);font:inherit}
.oc-capture-save{padding:0 12px;border:0;border-radius:8px;cursor:pointer;font-weight:600;background:var(--oc-primary);
color:var(--oc-on-primary)}
.oc-capture-done{margin:0 12px 8px}
`;

/**
 * Asks an anonymous visitor for an email while the team is away, once: saving stores it
 * on the visitor, "No thanks" records the refusal; either way it is not asked again.
 */
export default function EmailCapture({ controller, onSkip }: { controller: MessengerController; onSkip(): void }) {
  const t = useT();
  const [email, setEmail] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (saved) {
    return (
      <p class="oc-capture oc-capture-done" role="status">
        {t.emailSaved(saved)}
      </p>
    );
  }

  const save = async (event: Event) => {
    event.preventDefault();
    const value = email.trim();
    if (!EMAIL.test(value)) return setProblem(t.emailInvalid);
    setBusy(true);
    try {
      await controller.mutate(backend.messenger.saveEmail, { email: value });
      setSaved(value);
    } catch (error) {
      logError("could not save the email", error);
      setProblem(t.emailInvalid);
    } finally {
      setBusy(false);
    }
  };
  const skip = () => {
    onSkip();
    controller.mutate(backend.messenger.skipEmail, {}).catch((error: unknown) => logError("could not skip the email", error));
  };

  return (
    <form class="oc-capture" onSubmit={save} aria-labelledby="oc-capture-prompt" noValidate>
      <p id="oc-capture-prompt">{t.emailPrompt}</p>
      <div class="oc-capture-row">
        <input
          type="email"
          autocomplete="email"
          aria-label={t.emailLabel}
          placeholder="name@example.com"
          value={email}
          aria-invalid={problem ? "true" : "false"}
          aria-describedby={problem ? "oc-capture-error" : undefined}
          onInput={(event) => {
            setEmail(event.currentTarget.value);
            setProblem(null);
          }}
        />
        <button type="submit" class="oc-capture-save" disabled={busy}>
          {t.emailSave}
        </button>
      </div>
      {problem && (
        <p id="oc-capture-error" class="oc-composer-error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" class="oc-link" onClick={skip}>
        {t.emailSkip}
      </button>
    </form>
  );
}
