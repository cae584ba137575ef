import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import { avatarTone } from "../../../../core/team/avatar-tone";
import { useQuery, useServices } from "../../use-convex";
import { Field, FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";

/** "Ada Lovelace" → "AL": the face shown until a photo is set, in the same colour as in the messenger. */
function initialsOf(name: string): string {
  const letters = name.trim().split(/\s+/).filter(Boolean).slice(0, 2).map((word) => [...word][0]?.toUpperCase() ?? "");
  return letters.join("") || "?";
}

/**
 * The operator's avatar, which visitors see on the messenger's Home and beside replies. The
 * server checks the bytes as it checks attachments (PNG, JPEG, GIF or WebP, at most 1 MB).
 */
export function AvatarSection({ workspaceId }: { workspaceId: string }) {
  const { client } = useServices();
  const profile = useQuery(api.teamProfiles.mine, { workspaceId }).data;
  const save = useSave(["image"]);
  const [inputKey, setInputKey] = useState(0);
  if (profile === undefined) return null;
  const upload = (file: File) =>
    void save.run(async () => {
      await client.action(api.teamProfiles.setAvatar, { workspaceId, image: await file.arrayBuffer() });
      setInputKey((n) => n + 1);
    });
  return (
    <section aria-labelledby="avatar-heading" class="card">
      <h2 id="avatar-heading">Your avatar</h2>
      <div class="avatar-row">
        <span class={`avatar-preview tone-${avatarTone(profile.name)}`}>
          {profile.avatarUrl !== null ? <img src={profile.avatarUrl} alt={`${profile.name}'s avatar`} /> : <span aria-label={`${profile.name}'s initials`} role="img">{initialsOf(profile.name)}</span>}
        </span>
        <p>Visitors see it on the messenger's Home and beside your replies; without one they see your initials.</p>
      </div>
      <Field id="avatar-file" label="Avatar image" hint="PNG, JPEG, GIF or WebP, at most 1 MB." error={save.errorFor("image")}>
        {(control) => (
          <input
            {...control}
            key={inputKey}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            disabled={save.busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) upload(file);
            }}
          />
        )}
      </Field>
      {profile.avatarUrl !== null && (
        <button type="button" disabled={save.busy} onClick={() => void save.run(() => client.mutation(api.teamProfiles.removeAvatar, { workspaceId }))}>
          Remove avatar
        </button>
      )}
      <FormStatus error={save.formError} saved={save.saved} />
    </section>
  );
}
