import { api } from "../../../../convex/_generated/api";
import type { Id } from "../../../../convex/_generated/dataModel";
import type { InstallationStatus } from "../../../../convex/installation";
import { useServices } from "../../use-convex";
import { FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";

/**
 * Issues an onboarding verification token (the snippets then carry it) and shows, live, the
 * first widget that boots with it: its page's origin and its installation label.
 */
export function InstallCheck({
  workspaceId,
  status,
  token,
  onToken,
}: {
  workspaceId: Id<"workspaces">;
  status: InstallationStatus;
  token: string | null;
  onToken: (token: string) => void;
}) {
  const { client } = useServices();
  const save = useSave([]);
  const issue = () => void save.run(async () => onToken((await client.action(api.installation.issueToken, { workspaceId })).token));
  const check = status.check;
  // This page's own token verified: the latest check, once a widget booted with it.
  const verifiedAt = token !== null ? (check?.verifiedAt ?? null) : null;
  return (
    <section class="card stack" aria-labelledby="install-check-heading">
      <h2 id="install-check-heading">Install check</h2>
      <div role="status" class="install-status">
        {verifiedAt !== null && check !== null ? (
          <p class="ok">
            Installation verified {new Date(verifiedAt).toLocaleString()}: a widget booted on <strong>{check.origin ?? "an unknown origin"}</strong>
            {check.clientIdentifier !== null && <> labelled <strong>{check.clientIdentifier}</strong></>}.
          </p>
        ) : token !== null ? (
          <p>Waiting for a widget to boot with this token… Publish a snippet below and open the page.</p>
        ) : status.lastVerified !== null ? (
          <p>Last verified {new Date(status.lastVerified.verifiedAt).toLocaleString()} on {status.lastVerified.origin ?? "an unknown origin"}.</p>
        ) : (
          <p>Not verified yet.</p>
        )}
      </div>
      {token !== null && check !== null && (
        <p class="hint">The snippets below carry the token (data-opencom-onboarding-verification-token) until {new Date(check.expiresAt).toLocaleTimeString()}; it works once.</p>
      )}
      <div>
        <button type="button" disabled={save.busy} onClick={issue}>{token === null ? "Start an install check" : "Issue a new token"}</button>
      </div>
      <FormStatus error={save.formError} saved={false} />
    </section>
  );
}
