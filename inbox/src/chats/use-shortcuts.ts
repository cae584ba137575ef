import { useEffect } from "preact/hooks";
import { hrefOf } from "../routes";
import { neighbourId, shortcutFor, type ShortcutAction } from "./shortcuts";

/**
 * Keyboard work on the Chats screen: move through the list, reply, assign, close, help.
 * Buttons that act are found by their `data-shortcut`, so a key does exactly what a click does.
 */
export function useChatShortcuts(ids: readonly string[], current: string | null, openHelp: () => void): void {
  useEffect(() => {
    const run = (action: ShortcutAction) => {
      if (action === "next" || action === "previous") {
        const id = neighbourId(ids, current, action === "next" ? 1 : -1);
        if (id !== null) window.location.hash = hrefOf({ screen: "chats", conversationId: id });
      } else if (action === "reply") {
        document.getElementById("composer-text")?.focus();
      } else if (action === "help") {
        openHelp();
      } else {
        document.querySelector<HTMLButtonElement>(`[data-shortcut="${action}"]`)?.click();
      }
    };
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (action === null) return;
      event.preventDefault();
      run(action);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [ids.join(","), current, openHelp]);
}
