import type { InboxConversation } from "../../../convex/lib/inboxViews";
import { isSnoozePreset, SNOOZE_PRESETS, snoozeUntil } from "./snooze";
import { shortTime } from "./time";

type Props = { conversation: InboxConversation; onSnooze: (until: number | null) => void };

/** Snooze an open conversation until a preset time, or bring a snoozed one back now. */
export function SnoozeControl({ conversation, onSnooze }: Props) {
  if (conversation.snoozedUntil !== null) {
    return (
      <span class="snoozed">
        Snoozed until {shortTime(conversation.snoozedUntil, Date.now())}{" "}
        <button type="button" class="quiet" data-shortcut="snooze" aria-keyshortcuts="s" onClick={() => onSnooze(null)}>Unsnooze</button>
      </span>
    );
  }
  if (conversation.status !== "open") return null;
  return (
    <label>
      Snooze
      <select
        data-shortcut="snooze"
        aria-keyshortcuts="s"
        value=""
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isSnoozePreset(value)) onSnooze(snoozeUntil(value, Date.now()));
        }}
      >
        <option value="">Not snoozed</option>
        {SNOOZE_PRESETS.map((preset) => <option key={preset.value} value={preset.value}>{preset.label}</option>)}
      </select>
    </label>
  );
}
