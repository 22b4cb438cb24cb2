import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { controlClasses } from "@/components/ui/input";
import type { FormState } from "@/lib/forms/initial-form-state";
import type { IncidentDetail } from "@/lib/incidents/queries";

const ROLE: Record<string, string> = { COMMANDER: "Incident commander", COMMUNICATIONS: "Communications", RESPONDER: "Responder" };
const LEVEL = ["First page", "Escalated: secondary", "Escalated: team lead", "Escalated: domain schedule"];

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Who runs the response (roles) and who was paged, with the form to give roles. */
export function IncidentPeople({ incident, people, assignRole }: { incident: IncidentDetail; people: { id: string; name: string }[]; assignRole: Action | null }) {
  return (
    <Card aria-labelledby="people-title">
      <CardHeader titleId="people-title" title="People" />
      <CardContent className="space-y-4 text-sm">
        <section aria-labelledby="roles-title" className="space-y-2">
          <h3 id="roles-title" className="font-medium">Roles</h3>
          {incident.roles.length ? (
            <ul className="space-y-1">
              {incident.roles.map((role) => (
                <li key={`${role.role}-${role.person.id}`} className="flex flex-wrap items-center gap-2">
                  <span><strong>{role.person.name}</strong> · {ROLE[role.role]}</span>
                  {assignRole ? (
                    <ActionForm action={assignRole} submitLabel="Remove" submitVariant="ghost" submitSize="sm" submitAccessibleName={`Remove ${role.person.name} as ${ROLE[role.role]}`} className="inline">
                      <input type="hidden" name="personId" value={role.person.id} />
                      <input type="hidden" name="role" value={role.role} />
                      <input type="hidden" name="remove" value="true" />
                    </ActionForm>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : <p className="text-fg-muted">No roles given yet. Name an incident commander for anything major.</p>}
          {assignRole ? (
            <ActionForm action={assignRole} submitLabel="Give role" submitSize="sm" labels={{ personId: "Person", role: "Role" }} className="grid gap-2 sm:grid-cols-[1fr_auto]">
              <label className="space-y-1"><span className="block text-xs font-medium">Person</span>
                <select name="personId" className={`${controlClasses} h-9`} defaultValue="">
                  <option value="" disabled>Choose a person</option>
                  {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
                </select>
              </label>
              <label className="space-y-1"><span className="block text-xs font-medium">Role</span>
                <select name="role" className={`${controlClasses} h-9`} defaultValue="COMMANDER">
                  {Object.entries(ROLE).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                </select>
              </label>
            </ActionForm>
          ) : null}
        </section>
        <section aria-labelledby="pages-title" className="space-y-2">
          <h3 id="pages-title" className="font-medium">Pages</h3>
          {incident.pages.length ? (
            <ul className="space-y-2">
              {incident.pages.map((page) => (
                <li key={page.id}>
                  <strong>{page.person?.name ?? page.team?.name ?? "Someone"}</strong> <span className="text-fg-muted">· {LEVEL[page.level] ?? `Level ${page.level}`}</span>
                  {page.outOfHours ? <> <Badge tone="warning">Out of hours</Badge></> : null}
                  <span className="block text-xs text-fg-muted">{page.reason} · paged <DateTime value={page.pagedAt} />{page.acknowledgedAt ? <> · acknowledged <DateTime value={page.acknowledgedAt} /></> : null}</span>
                </li>
              ))}
            </ul>
          ) : <p className="text-fg-muted">Nobody has been paged yet.</p>}
        </section>
      </CardContent>
    </Card>
  );
}
