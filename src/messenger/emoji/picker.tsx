import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { logError } from "../../sdk/log";
import { useI18n } from "../panel/i18n";
import { EMOJI_GROUPS, type EmojiGroupKey } from "./data/groups";
import { moveInGrid } from "./grid-keys";
import { loadSearchWords, searchEmoji } from "./search";
import { EMOJI_CSS } from "./styles";

export const CSS = EMOJI_CSS;

export interface EmojiPickerProps {
  onPick(emoji: string): void;
  /** Escape, or a press outside the picker; the opener takes focus back. */
  onClose(): void;
}

interface Section {
  key: EmojiGroupKey | "results";
  emoji: readonly string[];
}

const GROUPS: readonly Section[] = EMOJI_GROUPS.map(([key, emoji]) => ({ key, emoji: emoji.split(" ") }));

/**
 * The composer's emoji picker (its own chunk, with the emoji it shows): a search field, one
 * button per group, and the chosen group's emoji (or the search results) as a listbox; one
 * group at a time keeps the page light (a few hundred elements, not two thousand). Arrow
 * keys move through the grid (mirrored right to left), Page Up and Page Down change group,
 * Enter or a click picks, Escape closes.
 */
export default function EmojiPicker({ onPick, onClose }: EmojiPickerProps) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState("");
  const [words, setWords] = useState<string | null>(null);
  const [group, setGroup] = useState(0);
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const focusActive = useRef(false);

  const searching = query.trim() !== "";
  const section = useMemo<Section>(
    () => (searching ? { key: "results", emoji: words === null ? [] : searchEmoji(words, query) } : GROUPS[group]!),
    [searching, words, query, group],
  );
  const name = section.key === "results" ? t.emoji.results : t.emoji.groups[section.key];

  useEffect(() => search.current?.focus(), []);

  // The words load on the first search, in the visitor's language.
  useEffect(() => {
    if (!searching || words !== null) return;
    let current = true;
    loadSearchWords(locale).then(
      (loaded) => current && setWords(loaded),
      (error: unknown) => logError("could not load the emoji search words", error),
    );
    return () => void (current = false);
  }, [searching, locale]);

  // A press anywhere outside closes it. "Outside" is outside the picker's parent, which also
  // holds the button that opened it (that button toggles it on its own).
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const anchor = root.current?.parentElement;
      if (anchor && !event.composedPath().includes(anchor)) onClose();
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  }, [onClose]);

  // After a move (or a group change) focus follows the active emoji.
  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    list.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  }, [active, group]);

  const moveTo = (index: number, toGroup = group) => {
    focusActive.current = true;
    setGroup(toGroup);
    setActive(index);
    if (index === active && toGroup === group) list.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  };

  const onGridKey = (event: KeyboardEvent) => {
    const emoji = section.emoji[active];
    if ((event.key === "Enter" || event.key === " ") && emoji !== undefined) {
      event.preventDefault();
      onPick(emoji);
      return;
    }
    if (!searching && (event.key === "PageDown" || event.key === "PageUp")) {
      event.preventDefault();
      moveTo(0, (group + (event.key === "PageDown" ? 1 : GROUPS.length - 1)) % GROUPS.length);
      return;
    }
    // The widget root's dir (rtl for Arabic) decides which arrow goes forward.
    const rtl = root.current?.closest("[dir]")?.getAttribute("dir") === "rtl";
    const next = moveInGrid([section.emoji.length], active, event.key, rtl);
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };

  return (
    <div
      ref={root}
      class="oc-emoji"
      role="dialog"
      aria-label={t.emoji.dialog}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        // Escape closes the picker only, not the messenger around it.
        event.stopPropagation();
        onClose();
      }}
    >
      <input
        ref={search}
        type="search"
        class="oc-emoji-search"
        aria-label={t.emoji.search}
        placeholder={t.emoji.search}
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && section.emoji.length > 0) {
            event.preventDefault();
            moveTo(active);
          } else if (event.key === "Enter" && searching && section.emoji[0] !== undefined) {
            event.preventDefault();
            onPick(section.emoji[0]);
          }
        }}
      />
      {!searching && (
        <div class="oc-emoji-tabs">
          {GROUPS.map((each, index) => (
            <button
              type="button"
              class="oc-emoji-tab"
              key={each.key}
              aria-label={t.emoji.groups[each.key as EmojiGroupKey]}
              aria-pressed={index === group ? "true" : "false"}
              title={t.emoji.groups[each.key as EmojiGroupKey]}
              onClick={() => moveTo(0, index)}
            >
              <span aria-hidden="true">{each.emoji[0]}</span>
            </button>
          ))}
        </div>
      )}
      <div ref={list} class="oc-emoji-list" role="listbox" aria-label={name} onKeyDown={onGridKey}>
        <p class="oc-emoji-heading" aria-hidden="true">
          {name}
        </p>
        <div class="oc-emoji-grid">
          {section.emoji.map((emoji, index) => (
            <div
              role="option"
              class="oc-emoji-option"
              key={emoji}
              data-index={index}
              tabIndex={index === active ? 0 : -1}
              aria-selected={index === active ? "true" : "false"}
              onClick={() => onPick(emoji)}
            >
              {emoji}
            </div>
          ))}
        </div>
      </div>
      {searching && words !== null && section.emoji.length === 0 && (
        <p class="oc-emoji-none" role="status">
          {t.emoji.none}
        </p>
      )}
    </div>
  );
}
