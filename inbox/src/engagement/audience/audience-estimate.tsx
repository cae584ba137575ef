import { useEffect, useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import { validateRule, type Rule } from "../../../../core/engagement/rules";
import { useQuery } from "../../use-convex";

/** Waits this long after the last edit before asking the server again. */
export const ESTIMATE_DEBOUNCE_MS = 400;

function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [JSON.stringify(value), delay]);
  return settled;
}

/**
 * "≈ N of M recent visitors match": counted on the server over the visitors
 * seen lately, with the evaluator that decides what each visitor sees. A rule
 * that is not complete yet is not sent.
 */
export function AudienceEstimate({ workspaceId, rule }: { workspaceId: string; rule: Rule | undefined }) {
  const settled = useDebounced(rule, ESTIMATE_DEBOUNCE_MS);
  const complete = settled === undefined || validateRule(settled).length === 0;
  const args = complete ? { workspaceId, ...(settled !== undefined ? { audience: settled } : {}) } : "skip";
  const { data, error } = useQuery(api.audienceEstimate.estimate, args);
  let text: string;
  if (!complete) text = "Complete the conditions to see how many visitors match.";
  else if (error !== null) text = "The estimate is not available right now.";
  else if (data === undefined) text = "Estimating…";
  else text = `≈ ${data.matching.toLocaleString("en")} of ${data.total.toLocaleString("en")} recent visitors match (the last ${data.total < data.sampleSize ? "" : `${data.sampleSize.toLocaleString("en")} `}visitors seen in ${data.windowDays} days).`;
  return (
    <p class="hint audience-estimate" role="status" aria-live="polite">
      {text}
    </p>
  );
}
