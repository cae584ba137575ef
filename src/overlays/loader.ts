import type { ClientLike } from "../runtime/gateway";
import type { FunctionArgs } from "convex/server";
import type { AuthoringContext } from "./types";
import type { PreviewTools } from "./preview/index";
import { backend } from "../runtime/functions";

/*
 * The first lazy step of the engagement code, loaded when something is due (or for the
 * authoring tools): what the host needs only then, so runtime.js
 * carries one lazy import and no arbitration or mounting code. Each overlay's view is a
 * chunk of its own, loaded from the stage (stage.ts).
 */

export { createStage } from "./stage";

/** The authoring token in `#opencom-authoring=<token>` (or the preview token in `#opencom-preview=`), or null. */
export function readAuthoringToken(hash: string, mode: "authoring" | "preview" = "authoring"): string | null {
  const match = new RegExp(`[#&]opencom-${mode}=([^&]+)`).exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * Authoring mode (`#opencom-authoring=<token>` in the URL): the element picker; or preview
 * mode (`#opencom-preview=<token>`): one item shown whatever its status, recording nothing.
 * Both talk to the backend with the token alone, not the visitor's session. Returns the cleanup.
 */
export async function startAuthoring(services: {
  win: Window & typeof globalThis;
  shadow: ShadowRoot;
  client: ClientLike;
  container: HTMLElement;
  toEntries: PreviewTools["toEntries"];
}): Promise<() => void> {
  const { hash } = services.win.location;
  const previewToken = readAuthoringToken(hash, "preview");
  const token = previewToken ?? readAuthoringToken(hash);
  if (token === null) return () => {};
  const { client } = services;
  const context = {
    win: services.win,
    shadow: services.shadow,
    container: services.container,
    token,
    // The widget's loose argument types (ids as strings) are what the server's validators check.
    watch: (query, args, onValue, onError) => client.onUpdate(query, args as FunctionArgs<typeof query>, onValue, onError),
    mutate: (mutation, args) => client.mutation(mutation, args as FunctionArgs<typeof mutation>),
  } satisfies AuthoringContext;
  if (previewToken !== null) {
    return (await import("./preview/index")).mountPreview(context, { query: backend.authoring.preview, toEntries: services.toEntries });
  }
  return (await import("./authoring/index")).mountAuthoring(context);
}
