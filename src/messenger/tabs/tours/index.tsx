import * as v from "valibot";
import { parse } from "../../../runtime/wire";
import { backend } from "../../../runtime/functions";
import { useQuery } from "../../panel/hooks";
import { useT } from "../../panel/i18n";
import { LiveContent } from "../../panel/live-content";
import type { TabProps } from "../../panel/tab-props";
import { TabPage } from "../../panel/tab-header";
import { LIST_CSS } from "../list-styles";

export const CSS = LIST_CSS;

const tours = v.array(
  v.object({
    id: v.string(),
    name: v.string(),
    description: v.nullable(v.string()),
    status: v.fallback(v.picklist(["new", "in_progress", "completed"]), "new"),
  }),
);
const parseTours = (value: unknown) => parse(tours, value, "tours");

/**
 * Tours: the tours available on this page (what getAvailableTours() lists), each started
 * like OpencomWidget.startTour(id). The messenger closes so the tour has the page.
 */
export default function ToursTab({ controller, onClose }: TabProps) {
  const t = useT();
  const [list, retry] = useQuery(controller, backend.tours.listAll, { url: location.href }, parseTours);
  return (
    <TabPage title={t.tabs.tours} subtitle={t.toursIntro} onClose={onClose}>
      <LiveContent state={list} retry={retry}>
        {(data) =>
          data.length === 0 ? (
            <p class="oc-note">{t.noTours}</p>
          ) : (
            <ul class="oc-items">
              {data.map((tour) => {
                const action = tour.status === "completed" ? t.restartTour : t.startTour;
                return (
                  <li key={tour.id} class="oc-item">
                    <div class="oc-item-main">
                      <h3 class="oc-item-title">{tour.name}</h3>
                      {tour.description && <p class="oc-item-text">{tour.description}</p>}
                      <span class={`oc-status oc-status-${tour.status}`}>{t.tourStatus[tour.status]}</span>
                    </div>
                    <button
                      type="button"
                      class="oc-item-action"
                      aria-label={`${action}: ${tour.name}`}
                      onClick={() => {
                        onClose();
                        controller.startExperience("tour", tour.id);
                      }}
                    >
                      {action}
                    </button>
                  </li>
                );
              })}
            </ul>
          )
        }
      </LiveContent>
    </TabPage>
  );
}
