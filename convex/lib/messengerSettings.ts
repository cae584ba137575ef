import type { Doc } from "../_generated/dataModel";
import type { HomeCard, OfficeHours, Theme } from "./messengerValidators";

/** The optional messenger settings as the widget receives them: defaults applied, built field by field. */
export type PublicMessengerExtras = {
  theme: Theme;
  officeHours: OfficeHours | null;
  replyTime: "minutes" | "hours" | "day";
  offlineMessage: string | null;
  homeCards: HomeCard[];
  defaultTab: string | null;
};

export function publicMessengerExtras(messenger: Doc<"workspaces">["messenger"]): PublicMessengerExtras {
  return {
    theme: messenger.theme ?? "light",
    officeHours: messenger.officeHours
      ? {
          timeZone: messenger.officeHours.timeZone,
          intervals: messenger.officeHours.intervals.map(({ day, open, close }) => ({ day, open, close })),
        }
      : null,
    replyTime: messenger.replyTime ?? "hours",
    offlineMessage: messenger.offlineMessage ?? null,
    homeCards: (messenger.homeCards ?? []).map((card) => ({
      title: card.title,
      ...(card.body !== undefined ? { body: card.body } : {}),
      ...(card.url !== undefined ? { url: card.url } : {}),
    })),
    defaultTab: messenger.defaultTab ?? null,
  };
}
