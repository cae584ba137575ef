import { shouldPlaySound, type SoundClaim } from "./sound-election";

type SyncMessage = { type: "open"; open: boolean } | ({ type: "claim" } & SoundClaim);

/** How long a tab collects the other tabs' claims before deciding who plays the sound. */
export const CLAIM_WINDOW_MS = 250;

export interface TabSync {
  /** Tells the other tabs the messenger was opened or closed here. */
  announceOpen(open: boolean): void;
  /**
   * A team message arrived (every tab sees it through the same live query): resolves true
   * in exactly one tab, and only when no tab of this widget is visible.
   */
  electSoundPlayer(): Promise<boolean>;
  close(): void;
}

/**
 * Keeps the widget's tabs (same origin and workspace) consistent over a BroadcastChannel:
 * opening or closing the messenger in one does the same in the others, and when a message
 * arrives each tab posts a claim, so that one hidden tab plays the sound. Unread counts
 * need nothing here: every tab follows the same live query. Without BroadcastChannel each
 * tab acts alone.
 */
export function startTabSync(win: Window & typeof globalThis, channelName: string, onRemoteOpen: (open: boolean) => void): TabSync {
  const selfId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  const claim = (): SoundClaim => ({ id: selfId, visible: win.document.visibilityState === "visible" });
  let channel: BroadcastChannel;
  try {
    channel = new win.BroadcastChannel(channelName);
  } catch {
    // No BroadcastChannel (old browser, opaque-origin sandbox): this tab acts alone.
    return { announceOpen() {}, electSoundPlayer: async () => !claim().visible, close() {} };
  }
  /** Claims heard lately: another tab may have seen the message (and claimed) a moment before this one. */
  let heard: Array<SoundClaim & { at: number }> = [];
  channel.onmessage = ({ data }: MessageEvent<SyncMessage>) => {
    if (data?.type === "open") onRemoteOpen(data.open === true);
    else if (data?.type === "claim" && typeof data.id === "string") {
      const now = Date.now();
      heard = [...heard.filter((claim) => now - claim.at < 2 * CLAIM_WINDOW_MS), { id: data.id, visible: data.visible === true, at: now }];
    }
  };
  return {
    announceOpen: (open) => channel.postMessage({ type: "open", open } satisfies SyncMessage),
    electSoundPlayer() {
      const own = claim();
      const since = Date.now() - CLAIM_WINDOW_MS;
      channel.postMessage({ type: "claim", ...own } satisfies SyncMessage);
      return new Promise((resolve) =>
        setTimeout(() => resolve(shouldPlaySound(selfId, [own, ...heard.filter((claim) => claim.at >= since)])), CLAIM_WINDOW_MS),
      );
    },
    close: () => channel.close(),
  };
}
