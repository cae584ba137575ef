/**
 * The deployment's HTTP-actions URL (`https://<name>.convex.site`), where the
 * widget uploads files and loads attachments. Convex sets CONVEX_SITE_URL on
 * every deployment. A local backend that does not set it yet is reached on
 * 127.0.0.1 at OPENCOM_SITE_PORT (default 3211), as `npm run dev` starts it.
 */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const configured = env["CONVEX_SITE_URL"];
  if (configured !== undefined && configured !== "") return configured.replace(/\/+$/, "");
  const cloud = env["CONVEX_CLOUD_URL"];
  if (cloud !== undefined && /\.convex\.cloud\/?$/.test(cloud)) return cloud.replace(/\.convex\.cloud\/?$/, ".convex.site");
  return `http://127.0.0.1:${env["OPENCOM_SITE_PORT"] || "3211"}`;
}

/**
 * The operator inbox's origin: SITE_URL, the address Convex Auth sends operators back to
 * (set on every deployment that signs operators in). Operators' uploads answer CORS for it
 * alone. Empty when it is unset or not a URL.
 */
export function inboxOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const configured = env["SITE_URL"];
  if (configured === undefined || configured === "") return [];
  try {
    return [new URL(configured).origin];
  } catch {
    return [];
  }
}
