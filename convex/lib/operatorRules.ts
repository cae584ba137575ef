import { invalidArgument } from "./errors";

export type MemberRole = "admin" | "agent";

/** Invite links stay valid this long. */
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const OPERATOR_NAME_MAX = 100;
const EMAIL_MAX = 254;

/** The account id Convex Auth keys passwords on: trimmed, lower case, and shaped like an email. */
export function normalizeOperatorEmail(value: unknown): string {
  if (typeof value !== "string") throw invalidArgument("email", "The email is required.");
  const email = value.trim().toLowerCase();
  if (email.length > EMAIL_MAX || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw invalidArgument("email", "The email must be an address like name@example.com.");
  }
  return email;
}

/** What a role may do beyond working conversations: admins manage members and invites. */
export function roleAllows(role: MemberRole, needed: MemberRole | undefined): boolean {
  return needed === undefined || needed === "agent" || role === "admin";
}

/** The name teammates see when none was given: the email's local part. */
export function defaultOperatorName(email: string): string {
  return email.split("@")[0] ?? email;
}
