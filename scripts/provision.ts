// `npm run provision -- --name "Acme" --origin https://www.acme.com --admin-email ops@acme.com`
// A real workspace on a deployment: the local backend (its admin key is read from the data
// dir) or a Convex deployment (`--url https://<name>.convex.cloud` and CONVEX_DEPLOY_KEY, or
// a self-hosted backend with CONVEX_SELF_HOSTED_URL / CONVEX_SELF_HOSTED_ADMIN_KEY). It runs
// the internal action provision:workspace with that key and prints what it answered, once.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

export type ProvisionOptions = {
  url: string;
  adminKey: string;
  args: { name: string; origins: string[]; adminEmail: string; adminName?: string; publicId?: string };
};

const USAGE = `usage: npm run provision -- --name <workspace name> --origin <https://site> [--origin …] --admin-email <email>
       [--admin-name <name>] [--public-id <id>] [--url <deployment URL>] [--admin-key <key>]
Without --url: CONVEX_SELF_HOSTED_URL, else the local backend (http://127.0.0.1:$OPENCOM_BACKEND_PORT).
Without --admin-key: CONVEX_DEPLOY_KEY or CONVEX_SELF_HOSTED_ADMIN_KEY, else the local backend's
$OPENCOM_DATA_DIR/admin-key.`;

/** The command line and environment as options; throws an Error whose message says what is missing. */
export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ProvisionOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      name: { type: "string" },
      origin: { type: "string", multiple: true },
      "admin-email": { type: "string" },
      "admin-name": { type: "string" },
      "public-id": { type: "string" },
      url: { type: "string" },
      "admin-key": { type: "string" },
    },
    strict: true,
  });
  const missing = [!values.name && "--name", !values.origin?.length && "--origin", !values["admin-email"] && "--admin-email"].filter(Boolean);
  if (missing.length > 0) throw new Error(`missing ${missing.join(", ")}\n${USAGE}`);
  const local = `http://127.0.0.1:${env["OPENCOM_BACKEND_PORT"] || "3210"}`;
  const url = values.url ?? env["CONVEX_SELF_HOSTED_URL"] ?? local;
  const keyFile = join(resolve(cwd, env["OPENCOM_DATA_DIR"] || ".opencom-local"), "admin-key");
  const adminKey =
    values["admin-key"] ??
    env["CONVEX_DEPLOY_KEY"] ??
    env["CONVEX_SELF_HOSTED_ADMIN_KEY"] ??
    (url === local && existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : undefined);
  if (!adminKey) throw new Error(`no admin key: pass --admin-key, or set CONVEX_DEPLOY_KEY or CONVEX_SELF_HOSTED_ADMIN_KEY\n${USAGE}`);
  return {
    url,
    adminKey,
    args: {
      name: values.name!,
      origins: values.origin!,
      adminEmail: values["admin-email"]!,
      ...(values["admin-name"] ? { adminName: values["admin-name"] } : {}),
      ...(values["public-id"] ? { publicId: values["public-id"] } : {}),
    },
  };
}

/** Runs provision:workspace through Convex's HTTP API with the admin key, as `npx convex run` does. */
export async function provision(options: ProvisionOptions): Promise<unknown> {
  const response = await fetch(new URL("/api/run/provision/workspace", options.url), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Convex ${options.adminKey}` },
    body: JSON.stringify({ args: options.args, format: "json" }),
  });
  const body = (await response.json().catch(() => null)) as { status?: string; value?: unknown; errorMessage?: string; errorData?: { message?: string } } | null;
  if (body?.status === "success") return body.value;
  throw new Error(body?.errorData?.message ?? body?.errorMessage ?? `the deployment answered ${response.status}`);
}

async function main(): Promise<void> {
  let options: ProvisionOptions;
  try {
    options = readOptions(process.argv.slice(2), process.env, process.cwd());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  try {
    const created = await provision(options);
    console.log(JSON.stringify(created, null, 2));
    console.error("Store adminApiKey, hmacSecret and the admin's password in your secret manager: they are not shown again.");
  } catch (error) {
    console.error(`provisioning failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
