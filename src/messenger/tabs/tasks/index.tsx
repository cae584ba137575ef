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

const checklists = v.array(
  v.object({
    id: v.string(),
    name: v.string(),
    description: v.nullable(v.string()),
    tasks: v.array(v.object({ id: v.string(), title: v.string(), completed: v.boolean() })),
    done: v.number(),
    total: v.number(),
  }),
);
const parseChecklists = (value: unknown) => parse(checklists, value, "checklists");

/** Tasks: the visitor's checklists with their progress (read-only); opening one starts it as startChecklist(id) does. */
export default function TasksTab({ controller, onClose }: TabProps) {
  const t = useT();
  const [list, retry] = useQuery(controller, backend.checklists.getAllProgress, { url: location.href }, parseChecklists);
  return (
    <TabPage title={t.tabs.tasks} subtitle={t.tasksIntro} onClose={onClose}>
      <LiveContent state={list} retry={retry}>
        {(data) =>
          data.length === 0 ? (
            <p class="oc-note">{t.noTasks}</p>
          ) : (
            data.map((checklist) => {
              const progress = t.taskProgress(checklist.done, checklist.total);
              return (
                <section key={checklist.id} class="oc-item oc-checklist" aria-labelledby={`oc-checklist-${checklist.id}`}>
                  <div class="oc-item-main">
                    <h3 id={`oc-checklist-${checklist.id}`} class="oc-item-title">
                      {checklist.name}
                    </h3>
                    {checklist.description && <p class="oc-item-text">{checklist.description}</p>}
                    <progress class="oc-progress" max={checklist.total} value={checklist.done} aria-label={progress} />
                    <p class="oc-item-text">{progress}</p>
                    <ul class="oc-task-list">
                      {checklist.tasks.map((task) => (
                        <li key={task.id} class={task.completed ? "oc-task oc-task-done" : "oc-task"}>
                          <span class="oc-task-mark" aria-hidden="true" />
                          <span>{task.title}</span>
                          <span class="oc-visually-hidden">{task.completed ? t.taskDone : t.taskTodo}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                  <button
                    type="button"
                    class="oc-item-action"
                    onClick={() => {
                      onClose();
                      controller.startExperience("checklist", checklist.id);
                    }}
                  >
                    {t.openChecklist(checklist.name)}
                  </button>
                </section>
              );
            })
          )
        }
      </LiveContent>
    </TabPage>
  );
}
