import { useState } from "preact/hooks";
import { useT } from "../../panel/i18n";

export interface HelpSearchFormProps {
  initial: string;
  /** Each change (Help, live) or the submitted query (Home). */
  onSearch(query: string): void;
  live?: boolean;
}

/** The help-center search box, on Home (submit goes to Help) and in Help (results as you type). */
export function HelpSearchForm({ initial, onSearch, live = false }: HelpSearchFormProps) {
  const t = useT();
  const [query, setQuery] = useState(initial);
  return (
    <form
      class="oc-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(query.trim());
      }}
    >
      <input
        type="search"
        value={query}
        aria-label={t.searchArticles}
        placeholder={t.searchPlaceholder}
        {...(live ? { "data-autofocus": "" } : {})}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          if (live) onSearch(event.currentTarget.value.trim());
        }}
      />
      <button type="submit" class="oc-search-button">
        {t.searchArticles}
      </button>
    </form>
  );
}
