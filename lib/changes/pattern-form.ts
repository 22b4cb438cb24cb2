// The pattern form's rule builder posts one checkbox per rule kind with its parameters; this turns
// it into the typed rules array and maps zod's paths (rules.1.days) back to the form's fields.
import { AppError } from "../errors";
import { RULE_KINDS, type RuleKind } from "./pattern-rules";

type FormLike = { get(name: string): FormDataEntryValue | null; getAll(name: string): FormDataEntryValue[] };

const text = (form: FormLike, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const all = (form: FormLike, name: string) => form.getAll(name).filter((value): value is string => typeof value === "string" && value !== "");

export function patternInputFromForm(form: FormLike) {
  const kinds = RULE_KINDS.filter((kind) => form.get(`rule-${kind}`) !== null);
  const rules = kinds.map((kind) => {
    const param = (name: string) => text(form, `rule-${kind}-${name}`);
    switch (kind) {
      case "tier":
        return { kind, tiers: all(form, "rule-tier-tiers") };
      case "change-failure-rate":
        return { kind, days: param("days"), maxPercent: param("maxPercent") };
      case "track-record":
        return { kind, count: param("count"), days: param("days") };
      case "health-checks-passed":
        return { kind, count: param("count") };
      default:
        return { kind };
    }
  });
  return {
    kinds,
    input: {
      name: text(form, "name"),
      slug: text(form, "slug"),
      description: text(form, "description"),
      serviceIds: all(form, "serviceIds"),
      teamIds: all(form, "teamIds"),
      environmentIds: all(form, "environmentIds"),
      tiers: all(form, "tiers"),
      rules,
    },
  };
}

/** rules.1.days → rule-change-failure-rate-days, so each error shows under its own input. */
export function mapRuleErrors(error: unknown, kinds: RuleKind[]): unknown {
  if (!(error instanceof AppError)) return error;
  const fields: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(error.fieldErrors)) {
    const match = /^rules\.(\d+)\.(\w+)/.exec(path);
    const kind = match ? kinds[Number(match[1])] : undefined;
    fields[match && kind ? `rule-${kind}-${match[2]}` : path] = messages;
  }
  return new AppError(error.code, error.message, fields);
}
