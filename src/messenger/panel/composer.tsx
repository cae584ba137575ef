import { useRef, useState } from "preact/hooks";
import { SendIcon } from "../icons";
import { checkMessage, COUNTER_THRESHOLD, MESSAGE_MAX_LENGTH } from "../message-rules";
import { strings } from "../strings";

export interface ComposerProps {
  initialText?: string;
  onSend(body: string): void;
}

const HINT_ID = "oc-composer-hint";

/** Enter sends, Shift+Enter adds a line; empty and oversized messages are refused with a reason. */
export function Composer({ initialText = "", onSend }: ComposerProps) {
  const [text, setText] = useState(initialText);
  const [problem, setProblem] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const length = text.trim().length;
  const tooLong = length > MESSAGE_MAX_LENGTH;

  const submit = () => {
    // Read the field itself: an Enter right after typing can beat the re-render.
    const check = checkMessage(textareaRef.current?.value ?? text);
    if (!check.ok) {
      setProblem(check.reason === "empty" ? strings.emptyMessage : strings.tooLong(MESSAGE_MAX_LENGTH));
      return;
    }
    onSend(check.body);
    // Clear the field directly too: if the state never saw the typed text, setText("")
    // alone would not re-render.
    if (textareaRef.current) textareaRef.current.value = "";
    setText("");
    setProblem(null);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // keyCode 229: Safari reports Enter that confirms an IME composition this way.
    if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  };

  return (
    <form
      class="oc-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div class="oc-composer-row">
        <textarea
          ref={textareaRef}
          rows={1}
          value={text}
          aria-label={strings.message}
          placeholder={strings.placeholder}
          aria-invalid={tooLong ? "true" : "false"}
          aria-describedby={HINT_ID}
          data-autofocus=""
          onInput={(event) => {
            setText(event.currentTarget.value);
            // The reason shown last no longer applies; the red counter keeps flagging length.
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="oc-send" aria-label={strings.send}>
          <SendIcon />
        </button>
      </div>
      <div class="oc-composer-hint" id={HINT_ID}>
        {problem && (
          <p class="oc-composer-error" role="alert">
            {problem}
          </p>
        )}
        {length >= COUNTER_THRESHOLD && (
          <span class={tooLong ? "oc-counter oc-over" : "oc-counter"}>{strings.characterCount(length, MESSAGE_MAX_LENGTH)}</span>
        )}
      </div>
    </form>
  );
}
