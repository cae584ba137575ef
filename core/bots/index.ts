export * from "./limits";
export { BotRuleError } from "./check";
export * from "./responses";
export * from "./story";
