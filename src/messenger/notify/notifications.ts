import type { LauncherStrings } from "../../i18n/launcher";
import type { Store } from "../../runtime/store";
import type { WidgetUiState } from "../../runtime/ui-state";
import { startTabSync } from "./tab-sync";
import { createTitleFlasher } from "./title-flash";

export interface NotificationOptions {
  workspaceId: string;
  /** Play a chime (one tab only) when a team message arrives while the page is hidden. */
  sound: boolean;
  /** Opens or closes the messenger here (another tab did). */
  setOpen(open: boolean): void;
  /** The current locale's launcher strings (the flashing title's text). */
  strings(): LauncherStrings;
}

/**
 * New-message notifications for a page the visitor is not looking at: the title flashes
 * "(n) New message" until the page is visible again or the messages are read, and one
 * tab plays a chime when sound is on. Also keeps the open state in step across tabs.
 */
export function startNotifications(win: Window & typeof globalThis, state: Store<WidgetUiState>, options: NotificationOptions) {
  const doc = win.document;
  const flasher = createTitleFlasher(doc);
  // The chime's code is its own chunk: most sites leave sound off.
  let beeper: { play(): void; close(): void } | null = null;
  let closed = false;
  if (options.sound) {
    void import("./beep").then(({ createBeeper }) => {
      if (!closed) beeper = createBeeper(win);
    });
  }
  let { unread, open } = state.get();
  let applyingRemote = false;
  const sync = startTabSync(win, `opencom:${options.workspaceId}`, (remoteOpen) => {
    applyingRemote = true; // not echoed back to the other tabs
    try {
      options.setOpen(remoteOpen);
    } finally {
      applyingRemote = false;
    }
  });

  const stop = state.subscribe((next) => {
    if (next.unread > unread) {
      if (doc.hidden) flasher.start(options.strings().newMessage(next.unread));
      // Every tab takes part in the election, visible ones too (they veto the sound).
      void sync.electSoundPlayer().then((play) => play && beeper?.play());
    }
    if (next.unread === 0) flasher.stop();
    if (next.open !== open && !applyingRemote) sync.announceOpen(next.open);
    ({ unread, open } = next);
  });
  const onVisible = () => !doc.hidden && flasher.stop();
  doc.addEventListener("visibilitychange", onVisible);

  return () => {
    closed = true;
    stop();
    doc.removeEventListener("visibilitychange", onVisible);
    flasher.stop();
    beeper?.close();
    sync.close();
  };
}
