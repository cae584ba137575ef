import { isImageType } from "../../core/messages/attachments";
import type { Id } from "../_generated/dataModel";
import { FILE_PATH } from "./attachmentPaths";
import { classifyUpload, uploadRefusalMessage } from "./attachmentSniff";

/** An avatar is shown at 40 px or so: 1 MB is plenty, and keeps Home light. */
export const AVATAR_MAX_BYTES = 1024 * 1024;
/** How many operators the messenger's Home shows. */
export const TEAM_FACES_SHOWN = 3;

/**
 * The image type these bytes prove, or why they cannot be an avatar: the attachment checks
 * (type from the bytes, no markup inside), then images only, at most AVATAR_MAX_BYTES.
 */
export function checkAvatar(bytes: Uint8Array): { ok: true; contentType: string } | { ok: false; message: string } {
  const verdict = classifyUpload(bytes);
  if (!verdict.ok) return { ok: false, message: uploadRefusalMessage(verdict.problem) };
  if (!isImageType(verdict.contentType)) return { ok: false, message: "An avatar must be a PNG, JPEG, GIF or WebP image." };
  if (bytes.length > AVATAR_MAX_BYTES) return { ok: false, message: `An avatar must be at most ${AVATAR_MAX_BYTES / (1024 * 1024)} MB.` };
  return { ok: true, contentType: verdict.contentType };
}

export const avatarUrl = (site: string, avatarKey: string): string => `${site}${FILE_PATH}${avatarKey}`;

/** What the widget gets of one operator: a name and, when they set one, an avatar URL. Never an email. */
export type TeamFace = { name: string; avatarUrl?: string };

export type TeamMemberFacts = {
  userId: Id<"users">;
  name: string;
  avatarKey?: string;
  lastRepliedAt?: number;
};

/**
 * The faces Home shows: who replied most recently first, then those with an avatar, then by
 * name; at most `limit`.
 */
export function pickTeamFaces(members: readonly TeamMemberFacts[], site: string, limit = TEAM_FACES_SHOWN): TeamFace[] {
  return [...members]
    .sort(
      (a, b) =>
        (b.lastRepliedAt ?? 0) - (a.lastRepliedAt ?? 0) ||
        Number(b.avatarKey !== undefined) - Number(a.avatarKey !== undefined) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, limit)
    .map((member) => (member.avatarKey !== undefined ? { name: member.name, avatarUrl: avatarUrl(site, member.avatarKey) } : { name: member.name }));
}
