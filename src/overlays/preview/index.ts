import type { ExperienceKind } from "../../engine/arbitration";
import type { QueryRef } from "../../runtime/functions";
import type { Gateway } from "../../runtime/gateway";
import { logError } from "../../sdk/log";
import type { Entry } from "../host/feeds";
import { createStage } from "../stage";
import type { AuthoringContext } from "../types";

/*
 * Preview mode (`#opencom-preview=<token>`, opened from the inbox's Engagement studio):
 * shows the one item the token names, whatever its status and audience, at once and
 * live (an edit saved in the studio reaches it). Nothing is recorded: the overlays'
 * calls (progress, impressions, answers) resolve without reaching the server, so a
 * preview never counts as a view.
 */

/** Every call of a previewed overlay answers null, the "nothing came back" its views already handle. */
const recordsNothing: Gateway = {
  watch: () => () => {},
  mutate: () => Promise.resolve(null as never),
};

export type PreviewTools = {
  /** The item's live query, `backend.authoring.preview`. */
  query: QueryRef;
  /**
   * The host's reading of a live query's items (host/feeds.ts), handed in rather than
   * imported: importing it here made the bundler split a shared chunk off the boot code.
   */
  toEntries(kind: ExperienceKind, value: unknown): Entry[];
};

type Preview = { kind: ExperienceKind; item: unknown };

export function mountPreview(context: AuthoringContext, { query, toEntries }: PreviewTools): () => void {
  let ended = false;
  const stage = createStage({
    win: context.win,
    shadow: context.shadow,
    layer: context.container,
    gateway: recordsNothing,
    openMessenger: () => {},
    locale: () => "en",
    messengerOpen: () => false,
    closeMessenger: () => {},
    isRequested: () => !ended,
    taken: () => true,
    // Closed by the author: it stays closed until the link is opened again.
    closed: () => {
      ended = true;
    },
  });
  const stop = context.watch(
    query,
    { previewToken: context.token },
    (value) => {
      const { kind, item } = value as Preview;
      const entries = toEntries(kind, [item]);
      stage.sync(ended ? [] : entries, entries);
    },
    (error) => logError("this preview link does not work", error),
  );
  return () => {
    stop();
    stage.destroy();
  };
}
