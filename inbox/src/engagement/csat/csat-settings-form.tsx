import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { CsatSettings } from "../../../../convex/lib/csatSettings";
import { FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";
import { useQuery, useServices } from "../../use-convex";
import { CheckField, NumberField, TextField } from "../editor-kit/fields";

const FIELDS = ["enabled", "question", "commentPrompt", "offerForDays"] as const;

/** Engagement → CSAT: one settings form, not a list. The server checks the role and every field. */
export function CsatSettingsForm({ workspaceId }: { workspaceId: string }) {
  const { data, error } = useQuery(api.csatSettings.get, { workspaceId });
  if (error !== null && data === undefined) return <p class="error" role="alert">{error.message}</p>;
  return data === undefined ? <p class="loading">Loading…</p> : <CsatForm workspaceId={workspaceId} settings={data} />;
}

function CsatForm({ workspaceId, settings }: { workspaceId: string; settings: CsatSettings }) {
  const { client } = useServices();
  const [form, setForm] = useState<Omit<CsatSettings, "offerForDays"> & { offerForDays: number | string }>(settings);
  const save = useSave(FIELDS);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const submit = (event: Event) => {
    event.preventDefault();
    // A number field left unreadable is sent as NaN, so the server names it.
    const offerForDays = typeof form.offerForDays === "number" ? form.offerForDays : Number.NaN;
    void save.run(() => client.mutation(api.csatSettings.update, { workspaceId, ...form, offerForDays }));
  };
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby="csat-heading">
      <h2 id="csat-heading">Satisfaction ratings (CSAT)</h2>
      <p class="hint">After a conversation is closed, its visitor is asked to rate it from 1 to 5, with an optional comment.</p>
      <CheckField id="csat-enabled" label="Ask visitors to rate closed conversations" checked={form.enabled} error={save.errorFor("enabled")} onChange={(on) => set("enabled", on)} />
      <TextField
        id="csat-question"
        label="Question"
        hint="Leave empty to ask in the widget's own words, in each visitor's language."
        maxLength={200}
        value={form.question}
        error={save.errorFor("question")}
        onInput={(text) => set("question", text)}
      />
      <TextField
        id="csat-comment-prompt"
        label="Comment prompt"
        hint="Leave empty for the widget's own words."
        maxLength={200}
        value={form.commentPrompt}
        error={save.errorFor("commentPrompt")}
        onInput={(text) => set("commentPrompt", text)}
      />
      <NumberField
        id="csat-offer-days"
        label="Offer the rating for (days after the conversation's last message)"
        hint="From 1 to 30 days."
        min={1}
        max={30}
        value={form.offerForDays}
        error={save.errorFor("offerForDays")}
        onChange={(days) => set("offerForDays", days)}
      />
      <div><button type="submit" disabled={save.busy}>Save CSAT settings</button></div>
      <FormStatus error={save.formError} saved={save.saved} />
    </form>
  );
}
