export type DurationUnit = "minutes" | "hours";

const UNIT_MS: Record<DurationUnit, number> = { minutes: 60_000, hours: 3_600_000 };

export type DurationInput = { ok: true; millis: number | null } | { ok: false; error: string };

/** A target typed in minutes or hours: empty means none; otherwise a positive number, kept to whole milliseconds. */
export function durationField(raw: string, unit: DurationUnit): DurationInput {
  const text = raw.trim().replace(",", ".");
  if (text === "") return { ok: true, millis: null };
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) return { ok: false, error: `Enter a number of ${unit} greater than 0, or leave it empty.` };
  return { ok: true, millis: Math.round(value * UNIT_MS[unit]) };
}
