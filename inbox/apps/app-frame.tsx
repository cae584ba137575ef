import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { AppScreen } from "../../core/apps/events";
import { APP_FRAME_SANDBOX, appFrameUrl } from "./frame-url";
import type { AppHost, AppHostCallbacks, AppHostOptions, HostedApp } from "./host";
import { checkHostable, mountAppHost } from "./host";

export type AppFrameProps = {
  app: HostedApp & { id: string };
  screen: AppScreen;
  callbacks: AppHostCallbacks;
  /** Hands the host to the screen, which emits its events through it; null when the frame goes. */
  onHost?: (host: AppHost | null) => void;
  /** @default window.location.origin */
  inboxOrigin?: string;
  onRefusal?: AppHostOptions["onRefusal"];
};

/**
 * One custom app in a sandboxed iframe titled with its name. The first token is
 * fetched before the frame loads (it rides in the URL); the host is attached
 * before the frame can fire `load`, so the ready event is never missed.
 */
export function AppFrame({ app, screen, callbacks, onHost, inboxOrigin, onRefusal }: AppFrameProps) {
  const [src, setSrc] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  // Callbacks change identity on every render of the parent; the host reads the latest.
  const latest = useRef({ callbacks, onHost, onRefusal });
  latest.current = { callbacks, onHost, onRefusal };

  const origin = inboxOrigin ?? window.location.origin;
  const hostable = checkHostable(app, origin);

  useEffect(() => {
    let cancelled = false;
    setSrc(null);
    setProblem(null);
    // Never fetch a token for (or load) an app the inbox refuses to frame.
    if (!checkHostable(app, origin).ok) return;
    latest.current.callbacks.getToken().then(
      (token) => !cancelled && setSrc(appFrameUrl(app.url, app.protocol, token)),
      (error: unknown) => !cancelled && setProblem(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [app.id, app.url, app.protocol, origin]);

  useLayoutEffect(() => {
    const frame = frameRef.current;
    if (src === null || frame === null) return;
    let host: AppHost;
    try {
      host = mountAppHost({
        frame,
        app,
        screen,
        inboxOrigin: origin,
        messageTarget: window,
        callbacks: {
          fillInput: (text) => latest.current.callbacks.fillInput(text),
          sendMessage: (text) => latest.current.callbacks.sendMessage(text),
          navigateToTicket: (code) => latest.current.callbacks.navigateToTicket(code),
          getToken: () => latest.current.callbacks.getToken(),
        },
        onRefusal: (refusal) => latest.current.onRefusal?.(refusal),
      });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      return;
    }
    latest.current.onHost?.(host);
    return () => {
      latest.current.onHost?.(null);
      host.dispose();
    };
    // The host is per frame document: a new src or screen is a new host.
  }, [src, screen, app.name, app.allowedOrigins.join(" ")]);

  const shownProblem = hostable.ok ? problem : hostable.reason;
  if (shownProblem !== null) {
    return (
      <p class="app-frame-problem" role="alert">
        {app.name} could not be opened: {shownProblem}
      </p>
    );
  }
  if (src === null) return <p class="app-frame-loading">Opening {app.name}…</p>;
  // The default referrer policy gives a cross-origin frame the inbox's origin only (no path,
  // no token): the kit falls back on it where location.ancestorOrigins is missing (Firefox).
  return <iframe ref={frameRef} class="app-frame" title={app.name} src={src} sandbox={APP_FRAME_SANDBOX} />;
}
