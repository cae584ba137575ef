/** The keys of the Chats and Tickets screens; the `?` sheet lists them from here. */
export const SHORTCUTS = [
  { key: "j", action: "next", description: "Next conversation or ticket" },
  { key: "k", action: "previous", description: "Previous conversation or ticket" },
  { key: "r", action: "reply", description: "Write a reply" },
  { key: "a", action: "assign", description: "Assign to me (chats)" },
  { key: "m", action: "assignee", description: "Choose an assignee" },
  { key: "t", action: "team", description: "Choose a support team" },
  { key: "s", action: "snooze", description: "Snooze, or unsnooze (chats)" },
  { key: "c", action: "toggleStatus", description: "Close or reopen (chats)" },
  { key: "e", action: "state", description: "Change the state (tickets)" },
  { key: "?", action: "help", description: "Show these shortcuts" },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]["action"];

type KeyEventLike = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null };

/** The action of a key press, or null: never while typing in a field or with a modifier held. */
export function shortcutFor(event: KeyEventLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null;
  if (target?.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target?.tagName ?? "")) return null;
  return SHORTCUTS.find((shortcut) => shortcut.key === event.key)?.action ?? null;
}

/** The item after (or before) the current one in the list; the first when none is open. */
export function neighbourId(ids: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return ids[0]!;
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))]!;
}
