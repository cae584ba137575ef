import { v } from "convex/values";
import { internalMutation } from "../../../convex/_generated/server";
import { completions } from "./support";

/** Stands in for an integration's onComplete mutation (a bot story, a gateway's chat state). */
export const completed = internalMutation({
  args: {
    deliveryId: v.id("deliveries"),
    status: v.union(v.literal("succeeded"), v.literal("dead")),
    statusCode: v.union(v.number(), v.null()),
    error: v.union(v.string(), v.null()),
    responseBody: v.union(v.string(), v.null()),
  },
  handler: async (_ctx, args) => {
    completions.push(args);
    return null;
  },
});
