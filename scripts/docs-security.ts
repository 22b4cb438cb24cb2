// `npm run -s docs:security`: rewrites the permission table of docs/SECURITY.md from the matrix.
import { readFileSync, writeFileSync } from "node:fs";
import { withPermissionTable } from "../lib/authz/permission-table";

const file = "docs/SECURITY.md";
writeFileSync(file, withPermissionTable(readFileSync(file, "utf8")));
console.log(`${file}: permission table rewritten from lib/authz/permissions.ts`);
