import { useRef, useState } from "preact/hooks";
import { errorMessage } from "../use-convex";
import { useDraftFill } from "./draft-channel";

type Props = {
  onSend: (body: string, mode: "reply" | "note") => Promise<void>;
  onTyping: (typing: boolean) => void;
};

const TYPING_REPORT_MS = 2_000;

/** Reply or internal note. Enter sends; Shift+Enter breaks the line. */
export function Composer({ onSend, onTyping }: Props) {
  const [mode, setMode] = useState<"reply" | "note">("reply");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const lastTypingReport = useRef(0);
  useDraftFill((draft) => {
    setMode("reply");
    setText(draft);
  });
  const send = async () => {
    const body = text.trim();
    if (body === "") return;
    setError(null);
    try {
      await onSend(body, mode);
      setText("");
      lastTypingReport.current = 0;
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const onInput = (event: Event) => {
    setText((event.currentTarget as HTMLTextAreaElement).value);
    if (mode === "reply" && Date.now() - lastTypingReport.current > TYPING_REPORT_MS) {
      lastTypingReport.current = Date.now();
      onTyping(true);
    }
  };
  return (
    <form
      class={mode === "note" ? "composer note-mode" : "composer"}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div role="group" aria-label="Write" class="modes">
        <button type="button" aria-pressed={mode === "reply"} onClick={() => setMode("reply")}>Reply to visitor</button>
        <button type="button" aria-pressed={mode === "note"} onClick={() => setMode("note")}>Internal note</button>
      </div>
      <label class="visually-hidden" for="composer-text">{mode === "reply" ? "Reply" : "Note"}</label>
      <textarea
        id="composer-text"
        rows={3}
        value={text}
        placeholder={mode === "reply" ? "Write a reply… (Enter sends, Shift+Enter for a new line)" : "Only your team sees notes"}
        onInput={onInput}
        onBlur={() => mode === "reply" && text === "" && onTyping(false)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            void send();
          }
        }}
      />
      {error && <p role="alert" class="error">{error}</p>}
      <button type="submit">{mode === "reply" ? "Send" : "Add note"}</button>
    </form>
  );
}
