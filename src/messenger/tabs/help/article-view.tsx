import { useEffect, useMemo } from "preact/hooks";
import { readAppError } from "../../../runtime/errors";
import { logError } from "../../../sdk/log";
import { Markdown } from "../../../ui/markdown/render";
import { backend } from "../../../runtime/functions";
import { useQuery } from "../../panel/hooks";
import { useI18n, useT } from "../../panel/i18n";
import { LiveContent } from "../../panel/live-content";
import type { MessengerController } from "../../types";
import { articleBlocks } from "./article-blocks";
import { parseArticle, type HelpArticle } from "./wire";

/** One article: title, last update, and the body as sanitised markdown with its images. */
export function ArticleView({ controller, articleId }: { controller: MessengerController; articleId: string }) {
  const t = useT();
  const [article, retry] = useQuery(controller, backend.articles.get, { articleId }, parseArticle);
  const missing = article.status === "error" && readAppError(article.error)?.code === "NOT_FOUND";
  // Usually a wrong id given to showArticle(): the page's developer needs to hear of it.
  useEffect(() => {
    if (missing) logError(`there is no published article with id "${articleId}"`);
  }, [missing, articleId]);
  if (missing) {
    // "Try again" cannot help here.
    return (
      <p class="oc-note" role="alert">
        {t.articleMissing}
      </p>
    );
  }
  return (
    <LiveContent state={article} retry={retry} failed={t.articleFailed}>
      {(data) => <Article article={data} />}
    </LiveContent>
  );
}

function Article({ article }: { article: HelpArticle }) {
  const { t, locale } = useI18n();
  const blocks = useMemo(() => articleBlocks(article.body), [article.body]);
  const updated = new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(article.updatedAt);
  return (
    <article class="oc-article" aria-labelledby="oc-article-title">
      {article.collectionName && <p class="oc-article-collection">{article.collectionName}</p>}
      <h3 id="oc-article-title" class="oc-article-title">
        {article.title}
      </h3>
      <p class="oc-article-updated">{t.updatedOn(updated)}</p>
      <div class="oc-markdown oc-article-body">
        {blocks.map((block, index) =>
          block.type === "image" ? (
            <img key={index} class="oc-article-image" src={block.src} alt={block.alt} loading="lazy" referrerpolicy="no-referrer" />
          ) : (
            <Markdown key={index} text={block.text} />
          ),
        )}
      </div>
    </article>
  );
}
