import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { LINK_KIND_LABEL } from "@/lib/catalog/labels";
import type { ServiceDetail } from "@/lib/catalog/queries";

export function ServiceLinks({ service }: { service: ServiceDetail }) {
  const links = [
    ...(service.repositoryUrl ? [{ id: "repository", kind: "Repository", label: service.repositoryUrl, url: service.repositoryUrl }] : []),
    ...service.links.map((link) => ({ ...link, kind: LINK_KIND_LABEL[link.kind] })),
  ];
  return (
    <Card aria-labelledby="links-title">
      <CardHeader titleId="links-title" title="Links" description="Repository, dashboards, alert definitions and docs." />
      <CardContent>
        {links.length ? (
          <ul className="space-y-2 text-sm">
            {links.map((link) => (
              <li key={link.id}>
                <span className="block text-xs font-semibold uppercase tracking-wide text-fg-muted">{link.kind}</span>
                <a href={link.url} rel="noreferrer noopener" target="_blank" className="break-all text-link underline-offset-2 hover:underline">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-fg-muted">No links yet. The owning team can add them when editing the service.</p>
        )}
      </CardContent>
    </Card>
  );
}
