import type { Messages } from "../../i18n/en";
import { availability, type Availability } from "../availability";
import type { PanelSettings } from "../panel-settings";

/** "tomorrow", "Monday", "today": the day the team is back, in the visitor's language. */
function dayWord(locale: string, inDays: number, weekday: number): string {
  if (inDays <= 1) return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(inDays, "day");
  // 1 January 2023 was a Sunday: day 0.
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2023, 0, 1 + weekday));
}

export interface AvailabilityLine {
  online: boolean;
  /** "Typically replies in a few hours", or "We're away · Back tomorrow 09:00 (Europe/Paris)". */
  line: string;
}

/** The team's availability as one line of text (pure apart from Intl). */
export function availabilityLine(t: Messages, locale: string, settings: PanelSettings, now: number): AvailabilityLine {
  const state: Availability = availability(settings.officeHours, now);
  if (state.online) return { online: true, line: t.replyTime[settings.replyTime] };
  const next = state.nextOpen;
  const back =
    next && settings.officeHours
      ? ` · ${t.backAt(`${dayWord(locale, next.inDays, next.day)} ${next.time} (${settings.officeHours.timeZone})`)}`
      : "";
  return { online: false, line: `${t.away}${back}` };
}
