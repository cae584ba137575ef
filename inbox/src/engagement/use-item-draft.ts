import { useEffect, useRef, useState } from "preact/hooks";
import type { ContentType } from "../../../core/engagement/content-types";
import { api } from "../../../convex/_generated/api";
import { hrefOf } from "../routes";
import { errorMessage, useServices } from "../use-convex";
import { draftOf, mergeRemote, sameValue, type Draft } from "./draft";

export type ItemDraft = {
  draft: Draft;
  setDraft(draft: Draft): void;
  dirty: boolean;
  busy: boolean;
  /** The server's messages by field path, from the last save. */
  errors: Record<string, string>;
  /** A failure no field owns. */
  formError: string | null;
  saved: boolean;
  /** Saves the whole draft; the item's id, or null when refused. A new item's page moves to its own address. */
  save(): Promise<string | null>;
};

type Failure = { data?: { field?: unknown; fields?: unknown; message?: unknown } };

/**
 * An item's draft beside its live server copy (`remote`, null for a new item). Changes
 * that arrive from the server are merged into the draft (draft.ts mergeRemote).
 */
export function useItemDraft(workspaceId: string, type: ContentType, id: string | null, remote: Draft | null, empty: () => Draft): ItemDraft {
  const { client } = useServices();
  const base = useRef<Draft>(remote ?? empty());
  const [draft, setDraftState] = useState<Draft>(base.current);
  const latest = useRef(draft);
  latest.current = draft;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const setDraft = (next: Draft) => {
    setSaved(false);
    setDraftState(next);
  };

  useEffect(() => {
    if (remote === null || sameValue(remote, base.current)) return;
    const merged = mergeRemote(base.current, remote, latest.current) as Draft;
    base.current = remote;
    setDraftState(merged);
  }, [remote]);

  async function save(): Promise<string | null> {
    setBusy(true);
    setFormError(null);
    setSaved(false);
    try {
      const stored = await client.mutation(api.engagementStudio.save, { workspaceId, type, ...(id !== null ? { id } : {}), fields: latest.current });
      const next = draftOf(stored);
      base.current = next;
      setDraftState(next);
      setErrors({});
      setSaved(true);
      if (id === null) window.location.hash = hrefOf({ screen: "engagement", type, item: stored.id });
      return stored.id;
    } catch (error) {
      const data = (error as Failure).data;
      const fields = typeof data?.fields === "object" && data.fields !== null ? (data.fields as Record<string, string>) : null;
      const field = typeof data?.field === "string" ? data.field : null;
      setErrors(fields ?? (field !== null ? { [field]: errorMessage(error) } : {}));
      setFormError(fields === null && field === null ? errorMessage(error) : `Not saved: fix the ${Object.keys(fields ?? { field }).length === 1 ? "marked field" : "marked fields"}.`);
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { draft, setDraft, dirty: !sameValue(draft, base.current), busy, errors, formError, saved, save };
}
