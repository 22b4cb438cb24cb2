import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

export type TeamFormDefaults = { name: string; slug: string; description: string; domainId: string; chatChannel: string };

export const TEAM_FIELD_LABELS = { name: "Name", slug: "Slug", description: "Description", domainId: "Domain", chatChannel: "Chat channel" };

type Props = { defaults: TeamFormDefaults; domains: { id: string; name: string }[]; errors: Record<string, string[]> };

export function TeamFormFields({ defaults, domains, errors }: Props) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="Name" errors={errors.name} required>
          {(control) => <Input {...control} name="name" defaultValue={defaults.name} />}
        </Field>
        <Field id="slug" label="Slug" hint="Used in URLs." errors={errors.slug} required>
          {(control) => <Input {...control} name="slug" defaultValue={defaults.slug} />}
        </Field>
      </div>
      <Field id="description" label="Description" errors={errors.description}>
        {(control) => <Textarea {...control} name="description" rows={3} defaultValue={defaults.description} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="domainId" label="Domain" hint="Teams of one domain share an out-of-hours schedule for 99.0% services." errors={errors.domainId}>
          {(control) => (
            <Select {...control} name="domainId" defaultValue={defaults.domainId}>
              <option value="">No domain</option>
              {domains.map((domain) => <option key={domain.id} value={domain.id}>{domain.name}</option>)}
            </Select>
          )}
        </Field>
        <Field id="chatChannel" label="Chat channel" hint="Where to reach the team, e.g. #team-checkout." errors={errors.chatChannel}>
          {(control) => <Input {...control} name="chatChannel" defaultValue={defaults.chatChannel} />}
        </Field>
      </div>
    </>
  );
}
