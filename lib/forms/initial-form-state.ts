// Shared by client forms and server actions; kept apart so client bundles do not pull server code.
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  /** Field path → messages, e.g. { "links.0.url": ["Enter a full http(s) URL."] }. */
  fieldErrors?: Record<string, string[]>;
};

export const initialFormState: FormState = { status: "idle" };
