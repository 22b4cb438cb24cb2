// Reads for runbooks: the only place the area reads through Prisma. Everyone signed in may read.
import type { Db } from "../db";
import { reviewStatus, type ReviewStatus } from "./review-status";
import { runbookPath } from "./paths";

export type RunbookListItem = {
  id: string;
  slug: string;
  title: string;
  tags: string[];
  alertNames: string[];
  revision: number;
  updatedAt: Date;
  owner: { id: string; name: string } | null;
  review: ReviewStatus;
  service: { slug: string; name: string };
};

const listSelect = {
  id: true, slug: true, title: true, tags: true, alertNames: true, revision: true, updatedAt: true,
  lastReviewedAt: true, reviewIntervalDays: true,
  owner: { select: { id: true, name: true } },
  service: { select: { slug: true, name: true } },
} as const;

type ListRow = {
  lastReviewedAt: Date;
  reviewIntervalDays: number;
} & Omit<RunbookListItem, "review">;

function toListItem({ lastReviewedAt, reviewIntervalDays, ...row }: ListRow, now: Date): RunbookListItem {
  return { ...row, review: reviewStatus(lastReviewedAt, reviewIntervalDays, now) };
}

export async function listServiceRunbooks(prisma: Db, serviceId: string, now = new Date()): Promise<RunbookListItem[]> {
  const rows = await prisma.runbook.findMany({ where: { serviceId }, orderBy: { title: "asc" }, select: listSelect });
  return rows.map((row) => toListItem(row, now));
}

export type RunbookDetail = RunbookListItem & {
  body: string;
  reviewIntervalDays: number;
  lastReviewedAt: Date;
  createdAt: Date;
  service: { id: string; slug: string; name: string; archived: boolean; team: { id: string; slug: string; name: string } };
  lastEditor: string | null;
  /** When the current revision was written (updatedAt also moves when it is marked reviewed). */
  lastEditedAt: Date;
};

export async function getRunbook(prisma: Db, serviceSlug: string, runbookSlug: string, now = new Date()): Promise<RunbookDetail | null> {
  const row = await prisma.runbook.findFirst({
    where: { slug: runbookSlug, service: { slug: serviceSlug } },
    select: {
      ...listSelect, body: true, createdAt: true,
      service: { select: { id: true, slug: true, name: true, archivedAt: true, team: { select: { id: true, slug: true, name: true } } } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { authorLabel: true, createdAt: true } },
    },
  });
  if (!row) return null;
  const { revisions, service, ...rest } = row;
  const { archivedAt, ...serviceFields } = service;
  return {
    ...toListItem({ ...rest, service }, now),
    body: rest.body,
    reviewIntervalDays: rest.reviewIntervalDays,
    lastReviewedAt: rest.lastReviewedAt,
    createdAt: rest.createdAt,
    service: { ...serviceFields, archived: archivedAt !== null },
    lastEditor: revisions[0]?.authorLabel ?? null,
    lastEditedAt: revisions[0]?.createdAt ?? rest.createdAt,
  };
}

export type RevisionSummary = { number: number; authorLabel: string; summary: string; createdAt: Date; restoredFromNumber: number | null };

export async function listRevisions(prisma: Db, runbookId: string): Promise<RevisionSummary[]> {
  return prisma.runbookRevision.findMany({
    where: { runbookId },
    orderBy: { number: "desc" },
    select: { number: true, authorLabel: true, summary: true, createdAt: true, restoredFromNumber: true },
  });
}

export type RevisionContent = RevisionSummary & { title: string; body: string; tags: string[]; alertNames: string[] };

export async function getRevisions(prisma: Db, runbookId: string, numbers: number[]): Promise<RevisionContent[]> {
  return prisma.runbookRevision.findMany({
    where: { runbookId, number: { in: numbers } },
    orderBy: { number: "asc" },
    select: { number: true, authorLabel: true, summary: true, createdAt: true, restoredFromNumber: true, title: true, body: true, tags: true, alertNames: true },
  });
}

export type TemplateSummary = { id: string; slug: string; name: string; description: string; body: string; tags: string[]; isStarter: boolean };

export async function listTemplates(prisma: Db): Promise<TemplateSummary[]> {
  return prisma.runbookTemplate.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, description: true, body: true, tags: true, isStarter: true },
  });
}

export async function getTemplate(prisma: Db, slug: string): Promise<TemplateSummary | null> {
  return prisma.runbookTemplate.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true, body: true, tags: true, isStarter: true },
  });
}

/** Options for the runbook form: people who can own it (members of the owning team first). */
export async function ownerOptions(prisma: Db, teamId: string): Promise<{ id: string; name: string }[]> {
  const members = await prisma.teamMembership.findMany({
    where: { teamId, person: { deactivatedAt: null } },
    orderBy: { person: { name: "asc" } },
    select: { person: { select: { id: true, name: true } } },
  });
  return members.map((member) => member.person);
}

/** Filter options for the runbook search: teams and the services that have runbooks. */
export async function runbookFilterOptions(prisma: Db) {
  const [teams, services] = await Promise.all([
    prisma.team.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    prisma.service.findMany({ where: { archivedAt: null, runbooks: { some: {} } }, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  return { teams, services };
}

/** The page of a runbook, from its id: actions redirect here instead of to a path the browser sent. */
export async function runbookPathById(prisma: Db, runbookId: string): Promise<string> {
  const runbook = await prisma.runbook.findUnique({ where: { id: runbookId }, select: { slug: true, service: { select: { slug: true } } } });
  return runbook ? runbookPath(runbook.service.slug, runbook.slug) : "/runbooks";
}
