/** How many initials colours there are; the widget and the inbox each style `tone 0..N-1`. */
export const AVATAR_TONES = 6;

/**
 * The colour (0..AVATAR_TONES-1) of an operator's initials when they have no avatar: the
 * same name gets the same colour in the inbox and in the messenger.
 */
export function avatarTone(name: string): number {
  let hash = 0;
  for (const char of name.trim().toLowerCase()) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % AVATAR_TONES;
}
