/** What each tab of the widget says when a team message arrives. */
export interface SoundClaim {
  id: string;
  visible: boolean;
}

/**
 * Which tab plays the new-message sound, decided from the claims every tab posts when the
 * message arrives (its own included): none when some tab is visible (the visitor sees
 * the message), otherwise only the tab with the smallest id. Pure.
 */
export function shouldPlaySound(selfId: string, claims: readonly SoundClaim[]): boolean {
  if (claims.some((claim) => claim.visible)) return false;
  return claims.every((claim) => claim.id >= selfId);
}
