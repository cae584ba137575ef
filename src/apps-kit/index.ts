/**
 * `import { createAppClient, verifyAppToken } from "opencom-widget/apps"`: the kit
 * for apps that run inside the Opencom inbox. It only re-exports; see docs/apps.md.
 */
export { createAppClient, AppActionError } from "./client";
export type { AppClient, AppClientOptions } from "./client";
export { readAppToken, decodeAppToken, verifyAppToken } from "./token";
export type { AppKeySet, AppTokenClaims, VerifyOptions } from "./token";
export type { AppEventName, AppEventPayloads, AppScreen, SlaMetric, SlaMetrics, SlaMetricKey, TicketSummary } from "../../core/apps/events";
export type { AppActionName, AppActionPayloads } from "../../core/apps/actions";
export type { AppProtocol } from "../../core/apps/protocol";
