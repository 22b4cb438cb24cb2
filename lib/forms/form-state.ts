// Turns a posted form into a plain object for the use case's zod schema. Form field names come from
// whoever posts, signed in or not, so the object is built with no prototype and refuses the path
// segments that would reach one: `__proto__.polluted=1` once put a property on every object in the
// server process and broke sign-in for everybody until a restart.
import { AppError } from "../errors";

export type { FormState } from "./initial-form-state";

/** Path segments that name a prototype or its constructor instead of a field. */
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);
/** Row indexes of a form (links.3.url) stay small; a huge one would make a sparse array to walk. */
const MAX_INDEX = 999;
const MAX_FIELDS = 2_000;
const MAX_DEPTH = 8;

type Node = Record<string, unknown> | unknown[];

const isIndex = (segment: string) => /^\d{1,4}$/.test(segment);

function refuse(name: string, message: string): never {
  // Field names are echoed back to the form; keep a hostile one short and printable.
  const field = name.replace(/[^\w.\-[\]]/g, "?").slice(0, 80) || "_form";
  throw AppError.validation({ [field]: [message] }, "This form could not be read.");
}

function checkPath(name: string): string[] {
  const path = name.split(".");
  if (path.length > MAX_DEPTH) refuse(name, "This field name nests too deeply.");
  for (const segment of path) {
    if (segment === "") refuse(name, "This field name has an empty part.");
    if (FORBIDDEN_SEGMENTS.has(segment)) refuse(name, `"${segment}" is not a field name this form accepts.`);
    if (isIndex(segment) && Number(segment) > MAX_INDEX) refuse(name, `Row numbers go up to ${MAX_INDEX}.`);
  }
  return path;
}

/**
 * Under a row list only row numbers go: any other key on an array (links.length=abc, or a 5+-digit
 * "links.99999999" that checkPath does not see as a row) would set its length or a far index, and
 * compacting that sparse array walks every slot (seconds to hours of CPU), or throws a RangeError.
 */
function checkKey(node: Node, key: string, name: string): void {
  if (Array.isArray(node) && !isIndex(key)) refuse(name, `Rows are numbered 0 to ${MAX_INDEX}; this name mixes rows and named fields.`);
}

function child(node: Node, key: string, nextIsIndex: boolean, name: string): Node {
  checkKey(node, key, name);
  const existing = (node as Record<string, unknown>)[key];
  if (existing === undefined) {
    const created: Node = nextIsIndex ? [] : (Object.create(null) as Record<string, unknown>);
    (node as Record<string, unknown>)[key] = created;
    return created;
  }
  if (typeof existing !== "object" || existing === null) refuse(name, "This field is posted both as a value and as a group of fields.");
  return existing as Node;
}

/** Arrays built from sparse indexes (a removed row) would keep holes; compact them, at every depth. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) (value as Record<string, unknown>)[key] = compact((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The posted form itself, for actions that read a field or a file directly. */
export function postedForm(formData: unknown): FormData {
  if (!(formData instanceof FormData)) refuse("_form", "This request did not post a form.");
  return formData;
}

/** FormData with dotted names (links.0.url) → nested object/arrays with no prototype, for zod to validate. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  // A hand-made action call can put anything where the form should be.
  postedForm(formData);
  const result = Object.create(null) as Record<string, unknown>;
  let fields = 0;
  for (const [name, raw] of formData.entries()) {
    if (name.startsWith("$ACTION")) continue;
    if (typeof raw !== "string") continue;
    if (++fields > MAX_FIELDS) refuse("_form", `A form posts at most ${MAX_FIELDS} fields.`);
    const path = checkPath(name);
    let node: Node = result;
    for (let index = 0; index < path.length - 1; index++) node = child(node, path[index]!, isIndex(path[index + 1]!), name);
    const last = path[path.length - 1]!;
    checkKey(node, last, name);
    const existing = (node as Record<string, unknown>)[last];
    if (typeof existing === "object" && existing !== null) refuse(name, "This field is posted both as a value and as a group of fields.");
    (node as Record<string, unknown>)[last] = raw;
  }
  return compact(result) as Record<string, unknown>;
}
