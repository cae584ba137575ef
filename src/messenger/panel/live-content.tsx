import type { ComponentChildren } from "preact";
import type { LiveState } from "./hooks";
import { useT } from "./i18n";

export interface LiveContentProps<T> {
  state: LiveState<T>;
  retry(): void;
  /** What failed, in the visitor's language. @default the generic "Something went wrong" */
  failed?: string;
  children(data: T): ComponentChildren;
}

/** A placeholder while something loads, announced as "Loading…" to screen readers. */
export function Loading() {
  const t = useT();
  return (
    <div class="oc-skeleton" aria-busy="true">
      <span class="oc-visually-hidden">{t.loading}</span>
    </div>
  );
}

/** A live query's three faces: a skeleton while loading, the reason and "Try again" on error, else the content. */
export function LiveContent<T>({ state, retry, failed, children }: LiveContentProps<T>) {
  const t = useT();
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") {
    return (
      <p class="oc-note" role="alert">
        {failed ?? t.failed}{" "}
        <button type="button" class="oc-link" onClick={retry}>
          {t.tryAgain}
        </button>
      </p>
    );
  }
  return <>{children(state.data)}</>;
}
