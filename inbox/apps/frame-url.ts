import type { AppProtocol } from "../../core/apps/protocol";
import { VOCABULARIES } from "../../core/apps/protocol";

/**
 * The iframe's address: the app's URL with its token in the protocol's query
 * parameter (`opencomToken`, or `bmtoken` for the vendor dialect), replacing any
 * value already there and keeping the rest of the query and the fragment.
 */
export function appFrameUrl(url: string, protocol: AppProtocol, token: string): string {
  const address = new URL(url);
  address.searchParams.set(VOCABULARIES[protocol].tokenParam, token);
  return address.href;
}

/** Attributes every app iframe gets: scripts, forms and its own origin (so messages carry it); no top navigation, popups or downloads. */
export const APP_FRAME_SANDBOX = "allow-scripts allow-forms allow-same-origin";
