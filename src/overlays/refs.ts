import { makeFunctionReference } from "convex/server";

/** Backend functions by name (as src/runtime/functions.ts does): results are parsed, not typed. */
export const queryRef = (name: string) => makeFunctionReference<"query", Record<string, unknown>, unknown>(name);
export const mutationRef = (name: string) => makeFunctionReference<"mutation", Record<string, unknown>, unknown>(name);
