import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import { convexUrlOf, widgetUrlOf } from "../../config";
import { useQuery } from "../../use-convex";
import { Field } from "../../form/field";
import type { SettingsPageProps } from "../page";
import { InstallCheck } from "./install-check";
import { SnippetBlock } from "./snippet-block";
import { WebsiteAddress } from "./website-address";
import { buildSnippets } from "./snippets";

/** The embed snippets with this workspace's values, and a live check that a page runs them. */
export function InstallationPage({ workspace }: SettingsPageProps) {
  const { data: status } = useQuery(api.installation.status, { workspaceId: workspace.workspaceId });
  const [widgetUrl, setWidgetUrl] = useState(() => widgetUrlOf(document));
  const [clientIdentifier, setClientIdentifier] = useState("");
  const [token, setToken] = useState<string | null>(null);
  if (status === undefined) return <p class="loading">Loading…</p>;
  const snippets = buildSnippets({ widgetUrl, convexUrl: convexUrlOf(document), workspaceId: status.publicId, verificationToken: token, clientIdentifier });
  return (
    <>
      <section class="card stack" aria-labelledby="install-heading">
        <h2 id="install-heading">Widget installation</h2>
        <p class="hint">Paste one of these into every page that should show the messenger. The page's origin must be in the allowed origins (Security).</p>
        <Field id="install-widget-url" label="Widget script URL" hint="Where your widget.js is served (your CDN or this deployment's demo site)." error={null}>
          {(control) => <input {...control} type="url" value={widgetUrl} onInput={(event) => setWidgetUrl((event.currentTarget as HTMLInputElement).value)} />}
        </Field>
        <Field id="install-client-identifier" label="Installation label (optional)" hint="Sent as data-opencom-client-identifier, e.g. Marketing site; the install check shows it." error={null}>
          {(control) => <input {...control} maxLength={100} value={clientIdentifier} onInput={(event) => setClientIdentifier((event.currentTarget as HTMLInputElement).value)} />}
        </Field>
      </section>
      <WebsiteAddress workspaceId={workspace.workspaceId} websiteUrl={status.websiteUrl} />
      <InstallCheck workspaceId={workspace.workspaceId} status={status} token={token} onToken={setToken} />
      {snippets.map((snippet) => <SnippetBlock key={snippet.id} snippet={snippet} />)}
    </>
  );
}
