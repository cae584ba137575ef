import { useState } from "preact/hooks";
import { errorMessage } from "../use-convex";

export type SaveState = {
  busy: boolean;
  /** A failure no field owns (shown at the form's top). */
  formError: string | null;
  /** The server's message for `field` or any of its parts (`allowedOrigins` owns `allowedOrigins.1`). */
  errorFor(field: string): string | null;
  /** "Saved" after a success, until the next attempt. */
  saved: boolean;
  run(work: () => Promise<unknown>): Promise<boolean>;
};

type Failure = { field: string | null; message: string };

/** The field the server named in an expected failure (ConvexError data `{code, message, field}`). */
export function fieldOf(error: unknown): string | null {
  const field = (error as { data?: { field?: unknown } } | null)?.data?.field;
  return typeof field === "string" ? field : null;
}

/**
 * One form's save: busy while it runs, the error where it belongs. Fields the form shows
 * are listed so that an error for any other field still appears, at the top.
 */
export function useSave(fields: readonly string[]): SaveState {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const owner = (field: string | null) => (field === null ? null : (fields.find((candidate) => field === candidate || field.startsWith(`${candidate}.`)) ?? null));
  return {
    busy,
    saved,
    formError: failure !== null && owner(failure.field) === null ? failure.message : null,
    errorFor: (field) => (failure !== null && owner(failure.field) === field ? failure.message : null),
    async run(work) {
      setBusy(true);
      setFailure(null);
      setSaved(false);
      try {
        await work();
        setSaved(true);
        return true;
      } catch (error) {
        setFailure({ field: fieldOf(error), message: errorMessage(error) });
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
