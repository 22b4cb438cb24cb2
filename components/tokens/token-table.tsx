import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ServiceTokenItem } from "@/lib/tokens/queries";

type Props = { tokens: ServiceTokenItem[]; now: Date; revokeButton: (token: ServiceTokenItem) => ReactNode };

export function TokenTable({ tokens, now, revokeButton }: Props) {
  return (
    <Table caption="API tokens of this service">
      <THead>
        <TR><TH>Name</TH><TH>Scopes</TH><TH>Created</TH><TH>Expires</TH><TH>Last used</TH><TH>State</TH><TH><span className="sr-only">Actions</span></TH></TR>
      </THead>
      <TBody>
        {tokens.map((token) => {
          const expired = token.expiresAt !== null && token.expiresAt <= now;
          const live = !token.revokedAt && !expired;
          return (
            <TR key={token.id}>
              <TH scope="row">{token.name}<div className="font-mono text-xs font-normal text-fg-muted">{token.prefix}…</div></TH>
              <TD><span className="flex flex-wrap gap-1">{token.scopes.map((scope) => <Badge key={scope}>{scope}</Badge>)}</span></TD>
              <TD className="whitespace-nowrap"><DateTime value={token.createdAt} /></TD>
              <TD className="whitespace-nowrap">{token.expiresAt ? <DateTime value={token.expiresAt} /> : "Never"}</TD>
              <TD className="whitespace-nowrap">{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : "Never used"}</TD>
              <TD>{token.revokedAt ? <Badge tone="danger">Revoked</Badge> : expired ? <Badge tone="warning">Expired</Badge> : <Badge tone="success">Active</Badge>}</TD>
              <TD>{live ? revokeButton(token) : null}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
