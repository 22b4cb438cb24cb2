// The team backlog: a member adds items through the form (a hostile one is refused with field errors),
// reorders with the keyboard (the move buttons, and dnd-kit's keyboard drag), and the planned share
// moves; a CSV with a bad row imports nothing through the real upload form; the export neutralises
// formulas; the product manager sets the target share.
import type { Page } from "@playwright/test";
import { authFile, expect, field, test } from "../fixtures";

test.describe.configure({ mode: "serial" });

const BACKLOG = "/teams/checkout/backlog";
const openList = (page: Page) => page.getByRole("list", { name: "Open items in priority order" });
const row = (page: Page, title: string) => openList(page).getByRole("listitem").filter({ hasText: title });

async function addItem(page: Page, item: { title: string; type: "Product work" | "Operational work"; subtype?: string; estimate: string }) {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add item" }) });
  await form.getByLabel(/^Title/).fill(item.title);
  await form.getByLabel(/^Type/).selectOption({ label: item.type });
  if (item.subtype) await form.getByLabel(/^Kind of operational work/).selectOption({ label: item.subtype });
  await form.getByLabel(/^Estimate/).fill(item.estimate);
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(form.getByRole("status")).toContainText("Added BL-");
  await expect(row(page, item.title)).toBeVisible();
}

test.describe("a team member", () => {
  test.use({ storageState: authFile("engineer") });

  test("adds items, reorders them with the keyboard, and the planned share moves", async ({ page }) => {
    const stamp = Date.now().toString(36);
    const ops = `E2E toil ${stamp}`;
    const feature = `E2E feature ${stamp}`;
    await page.goto(BACKLOG);
    const planned = page.getByTestId("planned-share");
    const before = await planned.textContent();

    // Operational work without its kind is refused, field by field, and nothing is added.
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add item" }) });
    await form.getByLabel(/^Title/).fill(ops);
    await form.getByLabel(/^Type/).selectOption({ label: "Operational work" });
    await form.getByLabel(/^Estimate/).fill("400");
    await form.getByRole("button", { name: "Add item" }).click();
    await expect(form.getByRole("alert")).toContainText("choose a subtype");
    await expect(form.getByRole("alert")).toContainText("At most 100 points");
    await expect(row(page, ops)).toHaveCount(0);

    await addItem(page, { title: ops, type: "Operational work", subtype: "Toil", estimate: "40" });
    await expect(planned).not.toHaveText(before ?? "");
    const afterOps = await planned.textContent();
    await addItem(page, { title: feature, type: "Product work", estimate: "30" });
    await expect(planned).not.toHaveText(afterOps ?? "");

    // New items are at the bottom: the feature last, the toil just above it.
    await expect(openList(page).getByRole("listitem").last()).toContainText(feature);

    // The move buttons, from the keyboard: focus "to the top" and press Enter.
    const toTop = row(page, ops).getByRole("button", { name: /to the top$/ });
    await toTop.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("backlog-status")).toContainText("is now at position 1");
    await page.reload();
    await expect(openList(page).getByRole("listitem").first()).toContainText(ops);

    // dnd-kit's keyboard drag: Space lifts, ArrowUp moves one place, Space drops.
    const count = await openList(page).getByRole("listitem").count();
    await row(page, feature).getByRole("button", { name: /^Drag / }).focus();
    // Each key waits for dnd-kit's announcement: the sensor listens only once the drag has started.
    const announced = page.locator("[id^=DndLiveRegion]");
    await page.keyboard.press("Space");
    await expect(announced).toContainText(new RegExp(`Picked up BL-|is over position ${count} of ${count}`));
    await page.keyboard.press("ArrowUp");
    await expect(announced).toContainText(`is over position ${count - 1} of ${count}`);
    await page.keyboard.press("Space");
    await expect(announced).toContainText(`was dropped at position ${count - 1}`);
    await expect(page.getByTestId("backlog-status")).toContainText(`is now at position ${count - 1}`);
    await page.reload();
    await expect(openList(page).getByRole("listitem").nth(count - 2)).toContainText(feature);
  });

  test("a CSV with a bad row imports nothing through the upload form; a good one is checked first", async ({ page }) => {
    const stamp = Date.now().toString(36);
    await page.goto(BACKLOG);
    const upload = page.locator("form").filter({ has: page.getByRole("button", { name: "Check the file" }) });
    const bad = `Summary,Issue Type,Status,Story Points,Labels\nE2E import ok ${stamp},Story,To Do,3,\nE2E import bad ${stamp},Story,Blocked,2,\n`;
    await upload.getByLabel("CSV file").setInputFiles({ name: "jira.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await upload.getByRole("button", { name: "Import" }).click();
    await expect(upload.getByRole("alert")).toContainText("Rows 3 need attention: nothing was imported");
    await expect(upload.getByRole("alert")).toContainText("row 3 · Status");
    await page.reload();
    await expect(page.getByText(`E2E import ok ${stamp}`)).toHaveCount(0);

    const good = `title,type,subtype,status,estimate\nE2E upgrade ${stamp},OPERATIONAL,library upgrade,todo,2\n`;
    await upload.getByLabel("CSV file").setInputFiles({ name: "plain.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await upload.getByRole("button", { name: "Check the file" }).click();
    await expect(upload.getByTestId("import-report")).toContainText(`E2E upgrade ${stamp}`);
    await expect(upload.getByRole("status")).toContainText("1 item(s) would be created");
    await expect(row(page, `E2E upgrade ${stamp}`)).toHaveCount(0);
    await upload.getByLabel("CSV file").setInputFiles({ name: "plain.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await upload.getByRole("button", { name: "Import" }).click();
    await expect(upload.getByRole("status")).toContainText("Imported 1 item(s)");
    await expect(row(page, `E2E upgrade ${stamp}`)).toBeVisible();
  });

  test("exports the backlog as CSV with formulas neutralised", async ({ page }) => {
    const title = `=HYPERLINK("x") E2E ${Date.now().toString(36)}`;
    await page.goto(BACKLOG);
    await addItem(page, { title, type: "Product work", estimate: "1" });
    const answer = await page.request.get(`${BACKLOG}/export`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toContain("text/csv");
    const csv = await answer.text();
    expect(csv.startsWith("key,title,type,subtype,status,estimate,labels,owner,due,description\r\n")).toBe(true);
    expect(csv).toContain(`"'${title.replace(/"/g, '""')}"`);
  });

  test("cannot set the target share", async ({ page }) => {
    await page.goto(BACKLOG);
    await expect(page.getByTestId("planned-share")).toBeVisible();
    await expect(page.getByRole("button", { name: "Set target" })).toHaveCount(0);
  });
});

test.describe("the product manager", () => {
  test.use({ storageState: authFile("product-manager") });

  test("sets the team's target operational share", async ({ page }) => {
    await page.goto(BACKLOG);
    const current = await page.getByTestId("target-share").textContent();
    const next = current?.startsWith("35") ? "40" : "35";
    await field(page, "Target operational share (%)").fill(next);
    await page.getByRole("button", { name: "Set target" }).click();
    await expect(page.getByText(`The target is ${next} %.`)).toBeVisible();
    await expect(page.getByTestId("target-share")).toHaveText(`${next} %`);
    // The team page shows the same balance.
    await page.goto("/teams/checkout");
    await expect(page.getByTestId("target-share")).toHaveText(`${next} %`);
    await expect(page.locator("[data-chart=done-share]")).toBeVisible();
  });
});
