import { useEffect } from "preact/hooks";

export const LEAVE_QUESTION = "You have unsaved changes. Leave without saving?";

/**
 * While `dirty`, leaving asks first: closing or reloading the tab (the browser's own
 * prompt) and following a link of the inbox to another place (a confirm).
 */
export function useUnsavedGuard(dirty: boolean, win: Window = window): void {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href^='#']");
      if (link === null || link === undefined || link.getAttribute("href") === win.location.hash) return;
      if (!win.confirm(LEAVE_QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    win.addEventListener("beforeunload", beforeUnload);
    win.document.addEventListener("click", click, true);
    return () => {
      win.removeEventListener("beforeunload", beforeUnload);
      win.document.removeEventListener("click", click, true);
    };
  }, [dirty, win]);
}
