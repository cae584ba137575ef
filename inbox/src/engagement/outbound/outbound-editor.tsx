import { CheckField, ListError, SelectField, TextField } from "../editor-kit/fields";
import { errorAt, withField } from "../draft";
import type { EditorProps } from "../types";
import { ButtonRow } from "./button-row";
import { MAX_BUTTONS, OUTBOUND_TYPES, outboundForm, withButton, withNewButton, withoutButton, withText, withType } from "./draft";

/** Everything an outbound message carries: its kind, texts, sender, buttons, and how a banner sits. */
export function OutboundEditor({ draft, onChange, errors }: EditorProps) {
  const form = outboundForm(draft);
  return (
    <div class="stack engagement-editor">
      <SelectField id="outbound-type" label="Kind" value={form.type} options={OUTBOUND_TYPES} error={errorAt(errors, "type")} onChange={(type) => onChange(withType(draft, type))} />
      <TextField id="outbound-title" label="Title" hint="Optional." maxLength={200} value={form.title} error={errorAt(errors, "title")} onInput={(text) => onChange(withText(draft, "title", text))} />
      <TextField id="outbound-body" label="Message" multiline rows={5} maxLength={5000} value={form.body} error={errorAt(errors, "body")} onInput={(body) => onChange(withField(draft, "body", body))} />
      <TextField
        id="outbound-sender"
        label="Sender name"
        hint="Optional; shown as who the message is from."
        maxLength={100}
        value={form.senderName}
        error={errorAt(errors, "senderName")}
        onInput={(text) => onChange(withText(draft, "senderName", text))}
      />
      {form.type === "banner" && (
        <SelectField
          id="outbound-banner-position"
          label="Banner position"
          value={form.bannerPosition}
          options={[["top", "Top of the page"], ["bottom", "Bottom of the page"]]}
          error={errorAt(errors, "bannerPosition")}
          onChange={(position) => onChange(withField(draft, "bannerPosition", position))}
        />
      )}
      <CheckField id="outbound-dismissible" label="Visitors can dismiss it" checked={form.dismissible} error={errorAt(errors, "dismissible")} onChange={(on) => onChange(withField(draft, "dismissible", on))} />
      <section aria-labelledby="outbound-buttons-heading" class="stack">
        <h3 id="outbound-buttons-heading">Buttons</h3>
        <ListError id="outbound-buttons-error" error={errorAt(errors, "buttons")} />
        {form.buttons.map((button, index) => (
          <ButtonRow
            key={index}
            button={button}
            index={index}
            count={form.buttons.length}
            errors={errors}
            onChange={(patch) => onChange(withButton(draft, index, patch))}
            onRemove={() => onChange(withoutButton(draft, index))}
          />
        ))}
        <div>
          <button type="button" disabled={form.buttons.length >= MAX_BUTTONS} onClick={() => onChange(withNewButton(draft))}>
            Add a button
          </button>
          {form.buttons.length >= MAX_BUTTONS && <p class="hint">A message has at most {MAX_BUTTONS} buttons.</p>}
        </div>
      </section>
    </div>
  );
}
