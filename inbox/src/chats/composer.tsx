import { useRef, useState } from "preact/hooks";
import { ACCEPTED_TYPES } from "../../../core/messages/attachments";
import { errorMessage } from "../use-convex";
import { useDraftFill } from "../apps/draft-channel";
import type { ReplyFiles } from "./use-reply-files";

type Props = {
  onSend: (body: string, mode: "reply" | "note", attachmentIds: string[]) => Promise<void>;
  onTyping: (typing: boolean) => void;
  files: ReplyFiles;
};

const TYPING_REPORT_MS = 2_000;

/** Reply or internal note. Enter sends; Shift+Enter breaks the line. */
export function Composer({ onSend, onTyping, files }: Props) {
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
    const withFiles = mode === "reply" && files.files.some((file) => file.status === "ready");
    if ((body === "" && !withFiles) || (mode === "reply" && files.busy)) return;
    setError(null);
    try {
      await onSend(body, mode, mode === "reply" ? files.take() : []);
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
      {mode === "reply" && <FileTray files={files} />}
      {error && <p role="alert" class="error">{error}</p>}
      <button type="submit">{mode === "reply" ? "Send" : "Add note"}</button>
    </form>
  );
}

/** The reply's files: a picker (images, PDF, .txt) and each file's state, removable. */
function FileTray({ files }: { files: ReplyFiles }) {
  return (
    <div class="file-tray">
      <label class="attach">
        Attach files
        <input
          type="file"
          class="visually-hidden"
          multiple
          accept={ACCEPTED_TYPES}
          onChange={(event) => {
            const input = event.currentTarget;
            files.add([...(input.files ?? [])]);
            input.value = "";
          }}
        />
      </label>
      {files.files.length > 0 && (
        <ul aria-label="Files to send">
          {files.files.map((file) => (
            <li key={file.key} class={file.status}>
              <span>{file.name}</span>{" "}
              <span class="status">{file.status === "uploading" ? "Uploading…" : file.status === "ready" ? "Ready" : file.problem}</span>{" "}
              <button type="button" class="quiet" aria-label={`Remove ${file.name}`} onClick={() => files.remove(file.key)}>×</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
