import { useEffect, useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import { useServices } from "../../use-convex";
import { Field, FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";

/**
 * The site the widget runs on: the Engagement studio opens it for "Pick on site" (the
 * element picker) and "Preview". An http(s) address; empty clears it.
 */
export function WebsiteAddress({ workspaceId, websiteUrl }: { workspaceId: string; websiteUrl: string | null }) {
  const { client } = useServices();
  const [value, setValue] = useState(websiteUrl ?? "");
  useEffect(() => setValue(websiteUrl ?? ""), [websiteUrl]);
  const save = useSave(["websiteUrl"]);
  const submit = (event: Event) => {
    event.preventDefault();
    void save.run(() => client.mutation(api.installation.setWebsiteUrl, { workspaceId, websiteUrl: value }));
  };
  return (
    <section class="card stack" aria-labelledby="website-heading">
      <h2 id="website-heading">Website address</h2>
      <form class="stack" onSubmit={submit} noValidate>
        <Field id="website-url" label="Website address" hint="A page of your site with the widget on it, e.g. https://www.example.com/. The Engagement studio opens it to pick elements and preview." error={save.errorFor("websiteUrl")}>
          {(control) => <input {...control} type="url" inputMode="url" maxLength={2048} value={value} onInput={(event) => setValue(event.currentTarget.value)} />}
        </Field>
        <div>
          <button type="submit" disabled={save.busy}>Save website address</button>
        </div>
        <FormStatus error={save.formError} saved={save.saved} />
      </form>
    </section>
  );
}
