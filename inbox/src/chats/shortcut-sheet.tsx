import { useEffect, useRef } from "preact/hooks";
import { SHORTCUTS } from "./shortcuts";

/** The `?` sheet: a modal dialog listing the keys. */
export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-heading" onClose={onClose} class="card">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <dl class="shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.key}>
            <dt><kbd>{shortcut.key}</kbd></dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
        <div>
          <dt><kbd>Enter</kbd> / <kbd>Shift</kbd>+<kbd>Enter</kbd></dt>
          <dd>In the reply box: send / new line</dd>
        </div>
      </dl>
      <button type="button" onClick={onClose}>Close</button>
    </dialog>
  );
}
