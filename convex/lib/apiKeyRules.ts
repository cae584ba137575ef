/** An API key's name, as admins give it in the inbox. */
export const API_KEY_NAME_MAX = 80;

/** A key's last use is noted to the minute, so REST calls do not each cost a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function shouldNoteUse(lastUsedAt: number | null | undefined, now: number): boolean {
  return lastUsedAt === null || lastUsedAt === undefined || now - lastUsedAt >= LAST_USED_RESOLUTION_MS;
}
