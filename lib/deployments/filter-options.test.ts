// Filter forms of a large organisation: service options narrow to the chosen team; the environments
// matrix pages its services.
import { describe, expect, it } from "vitest";
import { createDomain, createEnvironments, createService, createTeam } from "../../prisma/seed/factories";
import { testDb } from "../../test/helpers";
import { deploymentFilterOptions, environmentMatrix, MATRIX_PAGE_SIZE } from "./queries";

const db = testDb;

describe("deployment filter options", () => {
  it("list every service in a small organisation, and only the chosen team's, service's team's or domain's in a large one", async () => {
    const domain = await createDomain(db());
    const team = await createTeam(db(), { domainId: domain.id });
    const other = await createTeam(db());
    const [a, b] = [await createService(db(), { teamId: team.id }), await createService(db(), { teamId: team.id })];
    const elsewhere = await createService(db(), { teamId: other.id });
    const slugs = (options: { services: { slug: string }[] }) => options.services.map((s) => s.slug).sort();

    const small = await deploymentFilterOptions(db(), {}, 1_000_000);
    expect(small.servicesNarrowed).toBe(false);
    expect(slugs(small)).toEqual(expect.arrayContaining([a.slug, b.slug, elsewhere.slug]));

    const large = (chosen: Parameters<typeof deploymentFilterOptions>[1]) => deploymentFilterOptions(db(), chosen, 2);
    const none = await large({});
    expect(none.servicesNarrowed).toBe(true);
    expect(none.services).toEqual([]);
    expect(none.teams.map((t) => t.slug)).toEqual(expect.arrayContaining([team.slug, other.slug]));
    expect(slugs(await large({ team: team.slug }))).toEqual([a.slug, b.slug].sort());
    expect(slugs(await large({ service: b.slug }))).toEqual([a.slug, b.slug].sort());
    expect(slugs(await large({ domain: domain.slug }))).toEqual([a.slug, b.slug].sort());
  });
});

describe("the environments matrix", () => {
  it("pages a team's services, MATRIX_PAGE_SIZE at a time, with the total", async () => {
    await createEnvironments(db());
    const team = await createTeam(db());
    for (let i = 0; i < MATRIX_PAGE_SIZE + 3; i++) await db().service.create({ data: { slug: `${team.slug}-m${String(i).padStart(3, "0")}`, name: `M ${String(i).padStart(3, "0")}`, teamId: team.id }, select: { id: true } });
    const first = await environmentMatrix(db(), { team: team.slug });
    expect(first.page).toEqual({ number: 1, size: MATRIX_PAGE_SIZE, total: MATRIX_PAGE_SIZE + 3 });
    expect(first.rows).toHaveLength(MATRIX_PAGE_SIZE);
    const second = await environmentMatrix(db(), { team: team.slug, page: 2 });
    expect(second.rows.map((row) => row.service.name)).toEqual([`M ${MATRIX_PAGE_SIZE}`, `M ${MATRIX_PAGE_SIZE + 1}`, `M ${MATRIX_PAGE_SIZE + 2}`].map((n) => n.replace(/M (\d+)/, (_m, d: string) => `M ${d.padStart(3, "0")}`)));
    expect(second.rows[0]!.cells).toHaveProperty("production", null);
  });
});
