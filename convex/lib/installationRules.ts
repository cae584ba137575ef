/** An onboarding verification token works this long after it is issued: long enough to deploy a snippet, short enough not to linger. */
export const INSTALL_TOKEN_LIFETIME_MS = 60 * 60_000;

export const INSTALL_TOKEN_PREFIX = "ocv_";

/** The tag's `data-opencom-client-identifier`: a label shown to the admin, so kept short and printable. */
export const CLIENT_IDENTIFIER_MAX = 100;

/** A label fit to show, or undefined: control characters dropped, length capped. */
export function cleanClientIdentifier(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const cleaned = raw.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, CLIENT_IDENTIFIER_MAX);
  return cleaned.length === 0 ? undefined : cleaned;
}

/** Whether a presented token may still verify the check: issued, not expired, not used. */
export function canVerify(check: { expiresAt: number; verifiedAt?: number | undefined }, now: number): boolean {
  return check.verifiedAt === undefined && now < check.expiresAt;
}

export const WEBSITE_URL_MAX = 2048;

/**
 * The workspace's website address as the studio will open it, or a message saying why
 * not: an absolute http(s) URL without credentials or a fragment (the studio puts its
 * token in the fragment).
 */
export function websiteUrlProblem(raw: string): string | null {
  if (raw.length > WEBSITE_URL_MAX) return `Use at most ${WEBSITE_URL_MAX} characters.`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full address such as https://www.example.com/.";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "The address must start with http:// or https://.";
  if (url.username !== "" || url.password !== "") return "Leave the user name and password out of the address.";
  if (url.hash !== "") return "Leave the #fragment out of the address.";
  return null;
}
