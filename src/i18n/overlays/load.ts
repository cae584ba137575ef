import type { Locale } from "../locales";
import { overlayStrings as english, type OverlayStrings } from "./en";

/*
 * The overlays' words by locale. English travels with the overlay code; each other
 * language is a chunk of its own, fetched the first time an overlay shows in it.
 */
const LOADERS: Record<Exclude<Locale, "en">, () => Promise<{ overlayStrings: OverlayStrings }>> = {
  fr: () => import("./fr"),
  de: () => import("./de"),
  es: () => import("./es"),
  ar: () => import("./ar"),
};

/** The overlays' words in `locale`; English when that chunk cannot be loaded (offline, blocked). */
export async function loadOverlayStrings(locale: Locale): Promise<OverlayStrings> {
  if (locale === "en") return english;
  try {
    return (await LOADERS[locale]()).overlayStrings;
  } catch {
    return english;
  }
}
