import { Button, ButtonLink } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Option = { slug: string; name: string };
type Props = {
  values: { entityType?: string; entityId?: string; actor?: string; action?: string; service?: string; team?: string; from?: string; to?: string };
  entityTypes: string[];
  actions: string[];
  services: Option[];
  /** A large organisation: services are the chosen team's only, or a slug to type when no team is chosen. */
  servicesNarrowed: boolean;
  teams: Option[];
};

export function AuditFilters({ values, entityTypes, actions, services, servicesNarrowed, teams }: Props) {
  return (
    <form method="get" role="search" aria-label="Filter audit events" className="mb-6 grid gap-3 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-4">
      <Labelled id="entityType" label="Entity">
        <Select id="entityType" name="entityType" defaultValue={values.entityType ?? ""}>
          <option value="">Any</option>
          {entityTypes.map((type) => <option key={type} value={type}>{type}</option>)}
        </Select>
      </Labelled>
      <Labelled id="entityId" label="Entity id">
        <Input id="entityId" name="entityId" defaultValue={values.entityId ?? ""} />
      </Labelled>
      <Labelled id="action" label="Action">
        <Select id="action" name="action" defaultValue={values.action ?? ""}>
          <option value="">Any</option>
          {actions.map((action) => <option key={action} value={action}>{action}</option>)}
        </Select>
      </Labelled>
      <Labelled id="actor" label="Actor (name, email or token)">
        <Input id="actor" name="actor" defaultValue={values.actor ?? ""} />
      </Labelled>
      <Labelled id="service" label="Service">
        {!servicesNarrowed || services.length ? (
          <Select id="service" name="service" defaultValue={values.service ?? ""}>
            <option value="">Any</option>
            {services.map((service) => <option key={service.slug} value={service.slug}>{service.name}</option>)}
          </Select>
        ) : (
          <Input id="service" name="service" defaultValue={values.service ?? ""} placeholder="service slug, or choose a team" />
        )}
      </Labelled>
      <Labelled id="team" label="Team">
        <Select id="team" name="team" defaultValue={values.team ?? ""}>
          <option value="">Any</option>
          {teams.map((team) => <option key={team.slug} value={team.slug}>{team.name}</option>)}
        </Select>
      </Labelled>
      <Labelled id="from" label="From (UTC)">
        <Input id="from" name="from" type="datetime-local" defaultValue={values.from ?? ""} />
      </Labelled>
      <Labelled id="to" label="To (UTC)">
        <Input id="to" name="to" type="datetime-local" defaultValue={values.to ?? ""} />
      </Labelled>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary">Apply filters</Button>
        <ButtonLink href="/audit" variant="ghost">Clear</ButtonLink>
      </div>
    </form>
  );
}

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-fg">{label}</label>
      {children}
    </div>
  );
}
