import { useRef, useState } from "preact/hooks";
import { CloseButton } from "../shared/close-button";
import { useDialogFocus } from "../shared/focus";
import { useId } from "../shared/ids";
import { tryMutate, useOverlayEnv, useStrings } from "../shared/mount";
import type { WidgetChecklist } from "./wire";
import { backend } from "../../runtime/functions";

/**
 * An onboarding checklist beside the launcher. Progress is live (checklists:getAllProgress):
 * tasks tick themselves off as the visitor tracks events or visits pages; manual tasks
 * have a button.
 */
export function ChecklistOverlay({ checklist }: { checklist: WidgetChecklist }) {
  const t = useStrings();
  const { context } = useOverlayEnv();
  const ref = useRef<HTMLElement>(null);
  const titleId = useId("checklist");
  const [ticking, setTicking] = useState<string | null>(null);
  useDialogFocus(ref, { autoFocus: context.requested, trap: false, onEscape: context.close });

  const tick = async (taskId: string) => {
    setTicking(taskId);
    await tryMutate(context, backend.checklists.completeTask, { checklistId: checklist.id, taskId });
    setTicking(null); // the live query brings the ticked task
  };

  return (
    <section ref={ref} class="oc-o-card oc-dock oc-checklist" role="dialog" aria-modal="false" aria-labelledby={titleId} tabIndex={-1}>
      <CloseButton label={t.closeChecklist} onClick={context.close} />
      <h2 class="oc-o-title" id={titleId}>
        {checklist.name}
      </h2>
      {checklist.description !== null && <p class="oc-o-body">{checklist.description}</p>}
      <div class="oc-cl-progress">
        <div
          class="oc-cl-bar"
          role="progressbar"
          aria-labelledby={`${titleId}-progress`}
          aria-valuemin={0}
          aria-valuemax={checklist.total}
          aria-valuenow={checklist.done}
        >
          <span class={`oc-cl-fill oc-cl-fill-${Math.round((checklist.done / Math.max(1, checklist.total)) * 10)}`} />
        </div>
        <p class="oc-o-meta" id={`${titleId}-progress`}>
          {t.progress(checklist.done, checklist.total)}
        </p>
      </div>
      {checklist.completed && (
        <p class="oc-cl-done" role="status">
          {t.allDone}
        </p>
      )}
      <ul class="oc-cl-tasks">
        {checklist.tasks.map((task) => (
          <li key={task.id} class={task.completed ? "oc-cl-task oc-cl-complete" : "oc-cl-task"}>
            <span class="oc-cl-check" aria-hidden="true">
              {task.completed && (
                <svg viewBox="0 0 24 24" focusable="false">
                  <path d="M6 12.5l4 4 8-9" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
                </svg>
              )}
            </span>
            <div class="oc-cl-text">
              <p class="oc-cl-title">
                {task.title}
                <span class="oc-o-hidden"> ({task.completed ? t.taskDone : t.taskToDo})</span>
              </p>
              {task.description !== null && <p class="oc-cl-description">{task.description}</p>}
            </div>
            {task.completion.type === "manual" && !task.completed && (
              <button
                type="button"
                class="oc-btn oc-btn-quiet oc-cl-tick"
                aria-label={`${t.markDone}: ${task.title}`}
                disabled={ticking === task.id}
                onClick={() => void tick(task.id)}
              >
                {t.markDone}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
