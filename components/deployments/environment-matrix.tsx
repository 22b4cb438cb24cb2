import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { EnvironmentMatrix } from "@/lib/deployments/queries";

/** Rows are services, columns environments; a cell is the version live there now and since when. */
export function EnvironmentMatrixTable({ matrix }: { matrix: EnvironmentMatrix }) {
  return (
    <Table caption="What is deployed where: the version each service runs in each environment">
      <THead>
        <TR>
          <TH>Service</TH>
          {matrix.environments.map((environment) => <TH key={environment.id}>{environment.name}</TH>)}
        </TR>
      </THead>
      <TBody>
        {matrix.rows.map((row) => (
          <TR key={row.service.id}>
            <TH scope="row">
              <Link href={`/services/${row.service.slug}`} className="text-link underline-offset-2 hover:underline">{row.service.name}</Link>
              <div className="text-xs font-normal text-fg-muted">{row.service.team.name}</div>
            </TH>
            {matrix.environments.map((environment) => {
              const cell = row.cells[environment.slug];
              return (
                <TD key={environment.id} className="whitespace-nowrap">
                  {cell ? (
                    <>
                      <Link href={`/deployments/${cell.deploymentId}`} className="font-mono font-medium text-link underline-offset-2 hover:underline">{cell.version}</Link>
                      {cell.since ? <div className="text-xs text-fg-muted">since <DateTime value={cell.since} /></div> : null}
                    </>
                  ) : (
                    <span className="text-fg-muted">Not deployed</span>
                  )}
                </TD>
              );
            })}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
