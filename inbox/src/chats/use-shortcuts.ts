import { useEffect } from "preact/hooks";
import { neighbourId, shortcutFor, type ShortcutAction } from "./shortcuts";

/**
 * Keyboard work on a list screen (Chats, Tickets): move through the list, reply, and reach
 * every action. Controls are found by their `data-shortcut`: a button is clicked, a picker
 * takes focus (arrow keys then choose), so a key does exactly what the mouse does.
 */
export function useListShortcuts(ids: readonly string[], current: string | null, hrefOfId: (id: string) => string, openHelp: () => void): void {
  useEffect(() => {
    const run = (action: ShortcutAction) => {
      if (action === "next" || action === "previous") {
        const id = neighbourId(ids, current, action === "next" ? 1 : -1);
        if (id !== null) window.location.hash = hrefOfId(id);
      } else if (action === "reply") {
        document.getElementById("composer-text")?.focus();
      } else if (action === "help") {
        openHelp();
      } else {
        const control = document.querySelector<HTMLElement>(`[data-shortcut="${action}"]`);
        if (control instanceof HTMLSelectElement) control.focus();
        else control?.click();
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
  }, [ids.join(","), current, hrefOfId, openHelp]);
}
