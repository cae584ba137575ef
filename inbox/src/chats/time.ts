/** "14:05" today, "Mon 14:05" this week, else "3 Dec". */
export function shortTime(at: number, now: number, locale?: string): string {
  const date = new Date(at);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return date.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
  if (now - at < 6 * 24 * 3600_000) return date.toLocaleString(locale, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  return date.toLocaleDateString(locale, { day: "numeric", month: "short" });
}
