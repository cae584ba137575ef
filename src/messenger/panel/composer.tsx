import { useRef, useState } from "preact/hooks";
import type { OutboxAttachment } from "../../runtime/outbox";
import { ACCEPTED_TYPES } from "../../../core/messages/attachments";
import { AttachIcon, SendIcon } from "../icons";
import { checkMessage, COUNTER_THRESHOLD, MESSAGE_MAX_LENGTH } from "../../../core/messages/text";
import { AttachmentTray } from "./attachment-tray";
import { EmojiButton } from "./emoji-button";
import { useT } from "./i18n";
import { SendingTooFast } from "./send-notice";
import type { Attachments } from "./use-attachments";

export interface ComposerProps {
  initialText?: string;
  onSend(body: string, attachments: OutboxAttachment[]): void;
  /** The files tray (owned by the conversation view, which also takes dropped files); none: no attaching. */
  attachments?: Attachments;
  /** The visitor typed something (the view reports typing to the team, throttled). */
  onTyping?(): void;
  /** Set while the server makes the visitor wait (rate limited): when sending resumes. */
  retryAt?: number | null;
  /** Adopts a lazy chunk's stylesheet; given, the composer offers the emoji picker. */
  addStyles?(css: string): void;
}

const HINT_ID = "oc-composer-hint";

const NO_ATTACHMENTS: Attachments = {
  files: [],
  problems: [],
  add() {},
  remove() {},
  take: () => [],
  uploading: false,
  failed: false,
  enabled: false,
};

/** Enter sends, Shift+Enter adds a line; empty and oversized messages are refused with a reason. */
export function Composer({ initialText = "", onSend, attachments = NO_ATTACHMENTS, onTyping, retryAt = null, addStyles }: ComposerProps) {
  const t = useT();
  const [text, setText] = useState(initialText);
  const [problem, setProblem] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const length = text.trim().length;
  const tooLong = length > MESSAGE_MAX_LENGTH;

  const submit = () => {
    // Read the field itself: an Enter right after typing can beat the re-render.
    const raw = textareaRef.current?.value ?? text;
    // Files can go alone; they must have finished uploading (a failed one must be removed).
    const hasFiles = attachments.files.length > 0;
    if (attachments.uploading || attachments.failed) return;
    const check = hasFiles && raw.trim() === "" ? ({ ok: true, body: "" } as const) : checkMessage(raw);
    if (!check.ok) {
      setProblem(check.reason === "empty" ? t.emptyMessage : t.tooLong(MESSAGE_MAX_LENGTH));
      return;
    }
    onSend(check.body, attachments.take());
    // Clear the field directly too: if the state never saw the typed text, setText("")
    // alone would not re-render.
    if (textareaRef.current) textareaRef.current.value = "";
    setText("");
    setProblem(null);
  };

  /** Replaces the selection (or inserts at the caret, which a textarea keeps while unfocused). */
  const insertAtCaret = (insert: string) => {
    const field = textareaRef.current;
    if (!field) return;
    field.setRangeText(insert, field.selectionStart, field.selectionEnd, "end");
    setText(field.value);
    setProblem(null);
    field.focus();
    onTyping?.();
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
          aria-label={t.message}
          placeholder={t.placeholder}
          aria-invalid={tooLong ? "true" : "false"}
          aria-describedby={HINT_ID}
          data-autofocus=""
          onInput={(event) => {
            setText(event.currentTarget.value);
            // The reason shown last no longer applies; the red counter keeps flagging length.
            setProblem(null);
            if (event.currentTarget.value.trim() !== "") onTyping?.();
          }}
          onKeyDown={onKeyDown}
          onPaste={(event) => {
            const pasted = [...(event.clipboardData?.files ?? [])];
            if (pasted.length === 0 || !attachments.enabled) return;
            event.preventDefault(); // the file, not its name as text
            attachments.add(pasted);
          }}
        />
        {attachments.enabled && (
          <>
            <input
              ref={fileInputRef}
              type="file"
              multiple
              accept={ACCEPTED_TYPES}
              hidden
              tabIndex={-1}
              onChange={(event) => {
                attachments.add([...(event.currentTarget.files ?? [])]);
                event.currentTarget.value = ""; // picking the same file again still fires
              }}
            />
            <button type="button" class="oc-icon-button oc-attach" aria-label={t.attach} onClick={() => fileInputRef.current?.click()}>
              <AttachIcon />
            </button>
          </>
        )}
        {addStyles && <EmojiButton onPick={insertAtCaret} addStyles={addStyles} />}
        <button type="submit" class="oc-send oc-flip" aria-label={t.send} aria-disabled={attachments.uploading ? "true" : "false"}>
          <SendIcon />
        </button>
      </div>
      <AttachmentTray files={attachments.files} onRemove={attachments.remove} />
      <div class="oc-composer-hint" id={HINT_ID}>
        {retryAt !== null && <SendingTooFast retryAt={retryAt} />}
        {attachments.problems.map((message) => (
          <p class="oc-composer-error" role="alert" key={message}>
            {message}
          </p>
        ))}
        {problem && (
          <p class="oc-composer-error" role="alert">
            {problem}
          </p>
        )}
        {length >= COUNTER_THRESHOLD && (
          <span class={tooLong ? "oc-counter oc-over" : "oc-counter"}>{t.characterCount(length, MESSAGE_MAX_LENGTH)}</span>
        )}
      </div>
    </form>
  );
}
