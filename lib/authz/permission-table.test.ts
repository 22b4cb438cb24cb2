import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { permissionTable, withPermissionTable } from "./permission-table";
import { ALL_PERMISSIONS } from "./permissions";

describe("docs/SECURITY.md's permission table", () => {
  it("is the one the matrix generates (run `npm run -s docs:security` after changing the matrix)", () => {
    const document = readFileSync("docs/SECURITY.md", "utf8");
    expect(withPermissionTable(document)).toBe(document);
  });

  it("has a row, in words, for every permission", () => {
    const rows = permissionTable().split("\n").slice(2);
    expect(rows).toHaveLength(ALL_PERMISSIONS.length);
    for (const permission of ALL_PERMISSIONS) expect(rows.some((row) => row.includes(`\`${permission}\``))).toBe(true);
  });
});
