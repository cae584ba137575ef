// `opencom-widget/config`: a typed client of the widget configuration API (docs/configuration-api.md).
export { createConfigurationClient, ConfigurationApiError, retryAfterMs } from "./client";
export type { ConfigurationChange, ConfigurationClient, ConfigurationClientOptions, NewConfiguration, WidgetConfiguration } from "./client";
export { OAuthError } from "./token";
export type { EffectiveConfiguration, EventListenerSetting, LayoutSettings, ThemeSettings } from "../../core/theme/configuration";
