// Every server action runs through here. Server actions are public endpoints: anyone can POST to one
// with its id, without a session. So the signed-in person is resolved first, before the action reads
// any of its input, and errors become a FormState the form can show next to its fields.
import { isRedirectError } from "next/dist/client/components/redirect-error";
import type { PersonActor } from "../auth/actor";
import { personForAction } from "../auth/session";
import { AppError } from "../errors";
import type { FormState } from "./initial-form-state";

export type { FormState } from "./initial-form-state";

export function formStateForError(error: unknown): FormState {
  if (error instanceof AppError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
  console.error("[action] failed", error);
  return { status: "error", message: "Something went wrong on our side. Nothing was saved." };
}

/** `S` is the form's state type: a FormState, plus whatever a form carries back (a secret, a conflict). */
export async function runFormAction<S extends FormState = FormState>(action: (person: PersonActor) => Promise<S | void>): Promise<S> {
  try {
    const person = await personForAction();
    return (await action(person)) ?? ({ status: "success" } as S);
  } catch (error) {
    if (isRedirectError(error)) throw error;
    return formStateForError(error) as S;
  }
}
