import { useEffect, useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import { AA_TEXT_RATIO, formatRatio, parseColor, textOn } from "../../../../core/theme/colors";
import { isColor, isFontFamily, isRadius, POSITIONS, WIDGET_SIZES, type LayoutSettings, type ThemeSettings } from "../../../../core/theme/configuration";
import { errorMessage, useQuery, useServices } from "../../use-convex";
import type { SettingsPageProps } from "../page";
import { ThemeField } from "./theme-field";

/*
 * Settings › Theme (admins): the workspace's default widget configuration, the one
 * source of every widget's theme and layout. The same rules as the server are checked
 * while typing (core/theme), the contrast of text on the primary colour included; the
 * server checks again and its field errors show beside the fields. Saving sends the
 * ETag it read, so a change someone made meanwhile is not overwritten.
 */

type Draft = ThemeSettings & LayoutSettings;

function localErrors(draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isColor(draft.primaryColor)) errors["theme.primaryColor"] = "Use #rrggbb, rgb(r, g, b) or hsl(h, s%, l%).";
  else {
    const { ratio } = textOn(parseColor(draft.primaryColor)!);
    if (ratio < AA_TEXT_RATIO) errors["theme.primaryColor"] = `Text on this colour reaches only ${formatRatio(ratio)}:1; WCAG AA needs ${AA_TEXT_RATIO}:1.`;
  }
  if (!isColor(draft.secondaryColor)) errors["theme.secondaryColor"] = "Use #rrggbb, rgb(r, g, b) or hsl(h, s%, l%).";
  if (!isFontFamily(draft.fontFamily)) errors["theme.fontFamily"] = 'A list of font names, such as Inter, "Helvetica Neue", sans-serif.';
  if (!isRadius(draft.borderRadius)) errors["theme.borderRadius"] = "0 or a length: up to 64px, 4rem or 50%.";
  if (!Number.isInteger(draft.zIndex) || draft.zIndex < 1) errors["layout.zIndex"] = "A whole number from 1.";
  return errors;
}

export function ThemePage({ workspace }: SettingsPageProps) {
  const { client } = useServices();
  const { data } = useQuery(api.widgetConfigurations.defaultForInbox, { workspaceId: workspace.workspaceId });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (data && draft === null) setDraft({ ...data.view.effective.theme, ...data.view.effective.layout });
  }, [data]);
  if (!data || draft === null) return <section class="card"><h2>Theme</h2><p>Loading…</p></section>;
  const errors = { ...localErrors(draft), ...serverErrors };
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setServerErrors({});
    setStatus(null);
  };
  const text = (key: keyof Draft) => (event: Event) => set({ [key]: (event.currentTarget as HTMLInputElement).value } as Partial<Draft>);
  const save = async (event: Event) => {
    event.preventDefault();
    if (Object.keys(localErrors(draft)).length > 0) return;
    const { primaryColor, secondaryColor, fontFamily, borderRadius, widgetSize, position, zIndex, mobileResponsive } = draft;
    try {
      const outcome = await client.mutation(api.widgetConfigurations.updateDefaultFromInbox, {
        workspaceId: workspace.workspaceId,
        etag: data.etag,
        theme: { primaryColor, secondaryColor, fontFamily, borderRadius, widgetSize },
        layout: { position, zIndex, mobileResponsive },
      });
      if (outcome.kind === "refused") {
        setServerErrors(outcome.fields ?? {});
        setStatus(outcome.status === 412 ? "Someone changed the theme meanwhile: the page shows it now; make your change again." : outcome.message);
        if (outcome.status === 412) setDraft(null);
      } else setStatus("Saved. Open widgets show it now.");
    } catch (failure) {
      setStatus(errorMessage(failure));
    }
  };
  return (
    <section aria-labelledby="theme-heading" class="card">
      <h2 id="theme-heading">Theme</h2>
      <p>The default look of every widget of this workspace (version {data.view.metadata.version}).</p>
      <form onSubmit={save} noValidate>
        <ThemeField id="theme.primaryColor" label="Primary colour" error={errors["theme.primaryColor"]} value={draft.primaryColor} onInput={text("primaryColor")} />
        <ThemeField id="theme.secondaryColor" label="Secondary colour" error={errors["theme.secondaryColor"]} value={draft.secondaryColor} onInput={text("secondaryColor")} />
        <ThemeField id="theme.fontFamily" label="Font" error={errors["theme.fontFamily"]} value={draft.fontFamily} onInput={text("fontFamily")} />
        <ThemeField id="theme.borderRadius" label="Corner radius" error={errors["theme.borderRadius"]} value={draft.borderRadius} onInput={text("borderRadius")} />
        <label>
          Size{" "}
          <select value={draft.widgetSize} onChange={(event) => set({ widgetSize: (event.currentTarget as HTMLSelectElement).value as Draft["widgetSize"] })}>
            {WIDGET_SIZES.map((size) => <option key={size} value={size}>{size}</option>)}
          </select>
        </label>
        <label>
          Position{" "}
          <select value={draft.position} onChange={(event) => set({ position: (event.currentTarget as HTMLSelectElement).value as Draft["position"] })}>
            {POSITIONS.map((position) => <option key={position} value={position}>{position}</option>)}
          </select>
        </label>
        <ThemeField id="layout.zIndex" label="Stacking order (z-index)" error={errors["layout.zIndex"]} value={String(draft.zIndex)} onInput={(event) => set({ zIndex: Number((event.currentTarget as HTMLInputElement).value) })} />
        <label>
          <input type="checkbox" checked={draft.mobileResponsive} onChange={(event) => set({ mobileResponsive: (event.currentTarget as HTMLInputElement).checked })} /> Full screen on phones
        </label>
        {status && <p role="status">{status}</p>}
        <button type="submit" disabled={Object.keys(localErrors(draft)).length > 0}>Save theme</button>
      </form>
    </section>
  );
}
