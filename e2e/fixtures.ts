// Shared by every spec: the demo accounts, the signed-in state per role (written by global-setup.ts),
// a `test` with fixtures for acting as a second role or calling the API, and small page helpers.
import path from "node:path";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

export { expect };

export const DEMO_PASSWORD = "runwell-demo";

/** The four stable demo users of prisma/seed/demo.ts, one per role. */
export const ACCOUNTS = {
  engineer: { email: "engineer@runwell.local", name: "Erin Engineer" },
  "product-manager": { email: "pm@runwell.local", name: "Pat Product" },
  "change-manager": { email: "change@runwell.local", name: "Chris Change" },
  admin: { email: "admin@runwell.local", name: "Ada Admin" },
} as const;

export type Role = keyof typeof ACCOUNTS;
export const ROLES = Object.keys(ACCOUNTS) as Role[];

const AUTH_DIR = path.join(import.meta.dirname, ".auth");

/** The storage state file of a role: `test.use({ storageState: authFile("engineer") })`. */
export function authFile(role: Role): string {
  return path.join(AUTH_DIR, `${role}.json`);
}

/** A browser or API context with no cookies at all, whatever the spec's `test.use`. */
export const SIGNED_OUT = { cookies: [], origins: [] };

// Every service a spec creates is named "E2E …", so its slug starts with "e2e-". Specs run in parallel
// workers against one database; this prefix lets a spec tell its neighbours' services from the rest.
export const E2E_SLUG_PREFIX = "e2e-";
const RUN_ID = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A service name unique to this run and call, e.g. "E2E Create lq3k9x2a 1". */
let sequence = 0;
export function uniqueServiceName(label: string): string {
  sequence += 1;
  return `E2E ${label} ${RUN_ID} ${sequence}`;
}

/** The slug the new-service form derives from a name (components/catalog/service-form.tsx). */
export function slugFor(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
}

export type ApiService = { slug: string; name: string; team: string; tier: number; availabilityTarget: number };

/** GET /api/v1/services with whatever session the request context carries. */
export async function fetchServices(request: APIRequestContext): Promise<ApiService[]> {
  const response = await request.get("/api/v1/services");
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ApiService[];
}

/** Signs in through the real form and waits for the home page. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * A form control by its label. Required fields' labels end in an aria-hidden "*", which getByLabel still
 * reads as label text, so match the label exactly with an optional star ("Name" must not find "Entity name").
 */
export function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`));
}

export type NewService = { name: string; description?: string; repositoryUrl?: string };

/** Fills /services/new (the person's only team stays preselected) and submits it; returns the expected slug. */
export async function createServiceThroughForm(page: Page, service: NewService): Promise<string> {
  await page.goto("/services/new");
  await field(page, "Name").fill(service.name);
  const slug = slugFor(service.name);
  await expect(field(page, "Slug")).toHaveValue(slug);
  if (service.description) await field(page, "Description").fill(service.description);
  if (service.repositoryUrl) await field(page, "Repository").fill(service.repositoryUrl);
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(`/services/${slug}`);
  return slug;
}

/** The 403 page rendered by app/forbidden.tsx. */
export async function expectForbiddenPage(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
}

type Fixtures = {
  /** Opens a page in a new browser context signed in as another role, for journeys that hand over. */
  pageAs: (role: Role) => Promise<Page>;
  /** A fresh API request context: signed in as a role, or with no session at all (null). */
  apiAs: (role: Role | null) => Promise<APIRequestContext>;
};

// The fixture callback's second argument is named `provide`, not `use`: eslint's react-hooks rule takes
// any call to `use(...)` for React's hook.
export const test = base.extend<Fixtures>({
  pageAs: async ({ browser, baseURL }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (role) => {
      const context = await browser.newContext({ baseURL, storageState: authFile(role) });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  apiAs: async ({ playwright, baseURL }, provide) => {
    const contexts: APIRequestContext[] = [];
    await provide(async (role) => {
      const context = await playwright.request.newContext({ baseURL, storageState: role ? authFile(role) : SIGNED_OUT });
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.dispose()));
  },
});
