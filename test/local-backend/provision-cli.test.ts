// `npm run provision` against a running local backend: a real workspace, its key and its
// first admin, through the admin key the backend keeps in its data dir.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { APP_FUNCTIONS, BackendProcess } from "../support/backend-process";

let backend: BackendProcess;

beforeAll(async () => {
  backend = new BackendProcess(APP_FUNCTIONS, ["--generate-secret", "OPENCOM_SECRETS_KEY"]);
  await backend.start();
});
afterAll(async () => {
  await backend?.dispose();
});

function provision(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/provision.ts", ...args], {
    env: { ...process.env, OPENCOM_DATA_DIR: backend.dataDir, OPENCOM_BACKEND_PORT: new URL(backend.apiUrl).port },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run provision", () => {
  test("creates a workspace on the local backend and prints its key, secret and first admin once", async () => {
    const run = provision(["--name", "Acme Analytics", "--origin", "https://www.acme.example", "--admin-email", "ops@acme.example", "--public-id", "acme"]);
    expect(run.stderr).toContain("not shown again");
    expect(run.status).toBe(0);
    const created = JSON.parse(run.stdout) as { workspaceId: string; adminApiKey: string; allowedOrigins: string[]; admin: { email: string; password: string } };
    expect(created).toMatchObject({ workspaceId: "acme", allowedOrigins: ["https://www.acme.example"], admin: { email: "ops@acme.example" } });
    const rest = await fetch(`${backend.siteUrl}/api/v1/conversations`, { headers: { authorization: `Bearer ${created.adminApiKey}` } });
    expect(rest.status).toBe(200);
    expect(((await rest.json()) as { data: unknown[] }).data).toEqual([]); // no demo content

    const again = provision(["--name", "Acme", "--origin", "https://acme.example", "--admin-email", "ops@acme.example", "--public-id", "acme"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("A workspace with publicId acme exists.");
  }, 90_000);

  test("names what is missing", () => {
    const run = provision(["--name", "Acme"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("missing --origin, --admin-email");
  });
});
