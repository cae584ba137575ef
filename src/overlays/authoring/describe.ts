import * as v from "valibot";
import { readAppError } from "../../runtime/errors";

const target = v.union([
  v.object({
    type: v.literal("tourStep"),
    tourName: v.string(),
    stepIndex: v.number(),
    stepCount: v.number(),
    step: v.object({ title: v.string(), selector: v.nullable(v.string()) }),
  }),
  v.object({ type: v.literal("tooltip"), name: v.string(), title: v.nullable(v.string()), selector: v.nullable(v.string()) }),
]);
const description = v.object({ expiresAt: v.number(), target });

export type AuthoringTarget = v.InferOutput<typeof target>;

export type Described =
  | { status: "loading" }
  | { status: "ready"; target: AuthoringTarget; expiresAt: number }
  | { status: "failed"; message: string };

const FALLBACK = "The authoring tools could not reach the server. Reload the page to try again.";

/** `authoring:describe`'s answer (or error) as what the toolbar shows. */
export function readDescription(value: unknown): Described {
  const result = v.safeParse(description, value);
  return result.success ? { status: "ready", ...result.output } : { status: "failed", message: FALLBACK };
}

/** Expired and invalid tokens carry a message meant for the author; anything else gets a generic one. */
export function describeFailure(error: unknown): Described {
  const info = readAppError(error);
  const known = info?.code === "AUTHORING_TOKEN_EXPIRED" || info?.code === "AUTHORING_TOKEN_INVALID";
  return { status: "failed", message: known && info ? info.message : FALLBACK };
}

/** "Tour “Welcome” · step 2 of 4 · “Your numbers”" */
export function targetLabel(target: AuthoringTarget): string {
  return target.type === "tooltip"
    ? `Tooltip “${target.name}”`
    : `Tour “${target.tourName}” · step ${target.stepIndex + 1} of ${target.stepCount} · “${target.step.title}”`;
}

export function currentSelector(target: AuthoringTarget): string | null {
  return target.type === "tooltip" ? target.selector : target.step.selector;
}
