import { internalMutation } from "../../../convex/_generated/server";
import { completions } from "./support";
import { completionArgsValidator } from "../../../convex/outgoing/queue";

/** Stands in for an integration's onComplete mutation (a bot story, a gateway's chat state). */
export const completed = internalMutation({
  args: completionArgsValidator,
  handler: async (_ctx, args) => {
    completions.push(args);
    return null;
  },
});
