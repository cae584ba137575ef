import { backend } from "../../../runtime/functions";
import { useQuery } from "../../panel/hooks";
import { useT } from "../../panel/i18n";
import type { MessengerController } from "../../types";
import { LiveContent } from "../../panel/live-content";
import { parseCollections, parseHits, type HelpCollection } from "./wire";

interface BrowseProps {
  controller: MessengerController;
  onOpen(articleId: string): void;
}

/** The collections with their articles (Help's start). */
export function Collections({ controller, onOpen }: BrowseProps) {
  const t = useT();
  const [collections, retry] = useQuery(controller, backend.articles.listCollections, {}, parseCollections);
  return (
    <LiveContent state={collections} retry={retry}>
      {(data) => (data.length === 0 ? <p class="oc-note">{t.noArticles}</p> : <CollectionList collections={data} onOpen={onOpen} />)}
    </LiveContent>
  );
}

function CollectionList({ collections, onOpen }: { collections: HelpCollection[]; onOpen(id: string): void }) {
  const t = useT();
  return (
    <div class="oc-collections">
      {collections.map((collection) => (
        <section key={collection.id} class="oc-collection" aria-labelledby={`oc-collection-${collection.id}`}>
          <h3 id={`oc-collection-${collection.id}`} class="oc-collection-name">
            {collection.name}
          </h3>
          <p class="oc-collection-meta">
            {collection.description ? `${collection.description} · ` : ""}
            {t.articleCount(collection.articles.length)}
          </p>
          <ArticleLinks articles={collection.articles} onOpen={onOpen} />
        </section>
      ))}
    </div>
  );
}

/** Search results, best first, announced politely as they change. */
export function SearchResults({ controller, onOpen, query }: BrowseProps & { query: string }) {
  const t = useT();
  const [hits, retry] = useQuery(controller, backend.articles.search, { query }, parseHits);
  if (hits.status === "error") return <LiveContent state={hits} retry={retry}>{() => null}</LiveContent>;
  const count = hits.status === "ready" ? hits.data.length : null;
  return (
    <div class="oc-results" aria-busy={hits.status === "loading" ? "true" : "false"}>
      <p class="oc-results-count" role="status">
        {count === null ? t.loading : count === 0 ? t.noResults : t.searchResults(count)}
      </p>
      {hits.status === "ready" && <ArticleLinks articles={hits.data} onOpen={onOpen} />}
    </div>
  );
}

function ArticleLinks({ articles, onOpen }: { articles: ReadonlyArray<{ id: string; title: string; snippet?: string }>; onOpen(id: string): void }) {
  return (
    <ul class="oc-article-list">
      {articles.map((article) => (
        <li key={article.id}>
          <button type="button" class="oc-article-link" onClick={() => onOpen(article.id)}>
            <span class="oc-article-link-title">{article.title}</span>
            {article.snippet && <span class="oc-article-snippet">{article.snippet}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

