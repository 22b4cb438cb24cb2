"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createBacklogItem } from "@/lib/backlog/create-backlog-item";
import { deleteBacklogItem } from "@/lib/backlog/delete-backlog-item";
import { editBacklogItem } from "@/lib/backlog/edit-backlog-item";
import { importBacklogItems, importFieldErrors, type ImportReport } from "@/lib/backlog/import-backlog-items";
import { MAX_IMPORT_BYTES } from "@/lib/backlog/csv-import";
import { moveBacklogItem } from "@/lib/backlog/move-backlog-item";
import { reorderBacklogItem } from "@/lib/backlog/reorder-backlog-item";
import { setTargetShare } from "@/lib/backlog/set-target-share";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { boundId } from "@/lib/forms/bound-args";
import { formDataToObject } from "@/lib/forms/form-state";
import { runFormAction, type FormState } from "@/lib/forms/run-form-action";

const backlogPath = (slug: string) => `/teams/${slug}/backlog`;

export async function createBacklogItemAction(teamSlug: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const slug = boundId(teamSlug);
    const item = await createBacklogItem(db(), person, { ...formDataToObject(formData), teamSlug: slug });
    revalidatePath(backlogPath(slug));
    return { status: "success", message: `Added BL-${item.number} at the bottom of the backlog.` };
  });
}

export async function editBacklogItemAction(teamSlug: unknown, itemId: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const slug = boundId(teamSlug);
    await editBacklogItem(db(), person, { ...formDataToObject(formData), itemId: boundId(itemId) });
    revalidatePath(backlogPath(slug));
    return { status: "success", message: "Saved." };
  });
}

export async function deleteBacklogItemAction(teamSlug: unknown, itemId: unknown): Promise<FormState> {
  return runFormAction(async (person) => {
    const slug = boundId(teamSlug);
    await deleteBacklogItem(db(), person, { itemId: boundId(itemId) });
    revalidatePath(backlogPath(slug));
    redirect(backlogPath(slug));
  });
}

/** Status moves and reorders come from the list's buttons and drags as plain objects, parsed by the use case. */
export async function moveBacklogItemAction(teamSlug: unknown, input: unknown): Promise<FormState> {
  return runFormAction(async (person) => {
    const slug = boundId(teamSlug);
    await moveBacklogItem(db(), person, input);
    revalidatePath(backlogPath(slug));
    return { status: "success", message: "Status changed." };
  });
}

export async function reorderBacklogItemAction(teamSlug: unknown, input: unknown): Promise<FormState> {
  return runFormAction(async (person) => {
    const slug = boundId(teamSlug);
    const result = await reorderBacklogItem(db(), person, input);
    revalidatePath(backlogPath(slug));
    return { status: "success", message: result.moved ? "Moved." : "It already was there." };
  });
}

export async function setTargetShareAction(teamSlug: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async (person) => {
    const slug = boundId(teamSlug);
    const { target } = await setTargetShare(db(), person, { ...formDataToObject(formData), teamSlug: slug });
    revalidatePath(backlogPath(slug));
    revalidatePath(`/teams/${slug}`);
    return { status: "success", message: target === null ? "The target is cleared." : `The target is ${target} %.` };
  });
}

export type ImportState = FormState & { report?: { dryRun: boolean; format: string | null; created: number; errors: ImportReport["errors"]; rows: { row: number; title: string; type: string; subtype: string | null; status: string; estimate: number | null }[] } };

/** The upload: the file is read here (its size checked first), then parsed and written by the use case. */
export async function importBacklogAction(teamSlug: unknown, _previous: ImportState, formData: FormData): Promise<ImportState> {
  return runFormAction<ImportState>(async (person) => {
    const slug = boundId(teamSlug);
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw AppError.validation({ file: ["Choose a CSV file."] });
    if (file.size > MAX_IMPORT_BYTES) throw AppError.validation({ file: ["The file is larger than 1 MB: split it."] });
    const dryRun = formData.get("mode") !== "import";
    {
      const report = await importBacklogItems(db(), person, { teamSlug: slug, csv: await file.text(), dryRun, fileName: file.name.slice(0, 200) });
      if (!dryRun) revalidatePath(backlogPath(slug));
      const rows = report.rows.slice(0, 500).map((r) => ({ row: r.row, title: r.title, type: r.type, subtype: r.subtype ?? null, status: r.status, estimate: r.estimate ?? null }));
      const summary = report.dryRun
        ? report.errors.length ? `${new Set(report.errors.map((e) => e.row)).size} row(s) need attention: importing this file would write nothing.` : `${report.rows.length} item(s) would be created. Nothing is written yet.`
        : `Imported ${report.created} item(s) at the bottom of the backlog.`;
      return { status: report.errors.length ? "error" : "success", message: summary, fieldErrors: importFieldErrors(report.errors), report: { dryRun: report.dryRun, format: report.format, created: report.created, errors: report.errors.slice(0, 200), rows } };
    }
  });
}
