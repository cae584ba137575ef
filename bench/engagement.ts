// The budget for JS fetched before the messenger opens is about the messenger (loader +
// runtime, docs/performance.md); engagement overlays are chunks of their own, loaded only when one is
// due. The demo workspace shows its seeded announcement banner to every new visitor on every
// page, so the bench measures once with it (reported, not budgeted) and then archives the
// seeded content for the budgeted figures.
const CONTENT = ["tours", "tooltips", "outbound-messages", "surveys", "checklists"];

export async function archiveEngagement(siteUrl: string, adminApiKey: string): Promise<number> {
  const headers = { authorization: `Bearer ${adminApiKey}`, "content-type": "application/json" };
  let archived = 0;
  for (const resource of CONTENT) {
    const listing = await fetch(`${siteUrl}/api/v1/${resource}?status=active&limit=100`, { headers });
    if (!listing.ok) throw new Error(`GET /api/v1/${resource} → ${listing.status}`);
    const { data } = (await listing.json()) as { data: Array<{ id: string }> };
    for (const { id } of data) {
      const response = await fetch(`${siteUrl}/api/v1/${resource}/${id}`, { method: "PATCH", headers, body: JSON.stringify({ status: "archived" }) });
      if (!response.ok) throw new Error(`PATCH /api/v1/${resource}/${id} → ${response.status} ${await response.text()}`);
      archived += 1;
    }
  }
  return archived;
}
