import { useEffect, useState } from "preact/hooks";
import { useT } from "../../panel/i18n";
import type { Route } from "../../panel/route";
import type { TabProps } from "../../panel/tab-props";
import { TabHeader } from "../../panel/tab-header";
import { ArticleView } from "./article-view";
import { Collections, SearchResults } from "./browse";
import { HelpSearchForm } from "./search-form";
import { HELP_CSS } from "./styles";

export const CSS = HELP_CSS;

/** Typing pauses this long before a search runs. */
const SEARCH_DEBOUNCE_MS = 250;

/** Help: collections, ranked search, and one article at a time (also OpencomWidget.showArticle). */
export default function HelpTab({ controller, route, navigate, onClose }: TabProps) {
  const t = useT();
  const help = route as Extract<Route, { tab: "help" }>;
  const [query, setQuery] = useState(help.query ?? "");
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const open = (articleId: string) => navigate({ tab: "help", articleId, ...(query ? { query } : {}) });

  if (help.articleId) {
    return (
      <div class="oc-help">
        <TabHeader
          title={t.tabs.help}
          onClose={onClose}
          back={{ label: t.back, onBack: () => navigate({ tab: "help", ...(query ? { query } : {}) }) }}
        />
        <div class="oc-scroll">
          <ArticleView controller={controller} articleId={help.articleId} />
        </div>
      </div>
    );
  }
  return (
    <div class="oc-help">
      <TabHeader title={t.tabs.help} onClose={onClose} />
      <div class="oc-scroll">
        <HelpSearchForm initial={query} onSearch={setQuery} live />
        {debounced ? (
          <SearchResults controller={controller} query={debounced} onOpen={open} />
        ) : (
          <Collections controller={controller} onOpen={open} />
        )}
      </div>
    </div>
  );
}
