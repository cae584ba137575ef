import { useRef, useState } from "preact/hooks";
import { logError } from "../../sdk/log";
import { EmojiIcon } from "../icons";
import { useT } from "./i18n";
import { adopt } from "./lazy-tab";

type PickerModule = typeof import("../emoji/picker");
let loading: Promise<PickerModule> | null = null;

/**
 * The picker and its emoji are a chunk of their own, fetched the first time a visitor opens
 * it: opening the messenger pays only for this button.
 */
function loadPicker(): Promise<PickerModule> {
  loading ??= import("../emoji/picker").catch((error: unknown) => {
    loading = null; // a later press tries again
    throw error;
  });
  return loading;
}

export interface EmojiButtonProps {
  /** Puts the picked emoji into the message (at the caret) and focuses the field. */
  onPick(emoji: string): void;
  addStyles(css: string): void;
}

/** The composer's emoji button; Escape in the picker hands focus back to it. */
export function EmojiButton({ onPick, addStyles }: EmojiButtonProps) {
  const t = useT();
  const [picker, setPicker] = useState<PickerModule | null>(null);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  const show = () => {
    setOpen(true);
    loadPicker().then(
      (module) => {
        adopt("emoji", module.CSS, addStyles);
        setPicker(module);
      },
      (error: unknown) => {
        logError("could not load the emoji picker", error);
        setOpen(false);
      },
    );
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const Picker = open ? picker?.default : undefined;
  return (
    <span class="oc-emoji-anchor">
      <button
        ref={button}
        type="button"
        class="oc-icon-button oc-emoji-toggle"
        aria-label={t.emoji.open}
        aria-haspopup="dialog"
        aria-expanded={open ? "true" : "false"}
        onClick={() => (open ? close() : show())}
      >
        <EmojiIcon />
      </button>
      {Picker && (
        <Picker
          onClose={close}
          onPick={(emoji) => {
            setOpen(false);
            onPick(emoji);
          }}
        />
      )}
    </span>
  );
}
