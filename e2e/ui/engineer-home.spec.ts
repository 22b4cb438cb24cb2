// The engineer's home through the browser: on call now and next shifts, a swap request answered in
// place on the home, the bell's unread count, and the navigation at laptop and phone widths.
import { ACCOUNTS, authFile, expect, test } from "../fixtures";

test.use({ storageState: authFile("engineer") });

test("the home says whether I am on call, when my next shifts are, and what my services last shipped", async ({ page }) => {
  await page.goto("/");
  // The demo's cover request from Amara waits for Erin's answer, with the buttons in place.
  const waiting = page.getByRole("region", { name: /^Requests waiting for you/ }).getByTestId("incoming-request").filter({ hasText: "Amara Okafor asks: Cover" });
  await expect(waiting.getByRole("button", { name: "Accept" })).toBeVisible();
  await expect(waiting.getByRole("button", { name: "Decline" })).toBeVisible();
  const onCall = page.getByRole("region", { name: "Your on-call" });
  // Erin is on the demo Checkout rota: either on call now or not, and her next shifts are listed.
  await expect(onCall.getByTestId("on-call-now")).toBeVisible();
  await expect(onCall.getByTestId("next-shifts").getByRole("link", { name: "Checkout" }).first()).toBeVisible();
  const services = page.getByRole("region", { name: "Your teams' services" });
  await expect(services.getByRole("columnheader", { name: "Last deployment" })).toBeVisible();
  // The demo's Checkout API has shipped: its row links the deployment.
  const checkout = services.getByRole("row").filter({ has: page.getByRole("link", { name: "Checkout API", exact: true }) });
  await expect(checkout.getByRole("link").nth(2)).toHaveAttribute("href", /^\/deployments\//);
});

test("a swap request waits on the other person's home, is answered there, and the answer reaches the bell", async ({ page, pageAs }) => {
  // Notices come from the job queue after the commit; on a busy CI machine that can take a while.
  test.setTimeout(90_000);
  const note = `Home swap ${Date.now()}`;
  await page.goto("/oncall/checkout");
  const swap = page.locator("form").filter({ has: page.getByRole("button", { name: "Request swap" }) });
  const theirs = swap.getByLabel("Their shift");
  const patOption = theirs.locator("option", { hasText: ACCOUNTS["product-manager"].name }).first();
  await theirs.selectOption(await patOption.getAttribute("value"));
  await swap.getByLabel("Message (optional)").fill(note);
  await swap.getByRole("button", { name: "Request swap" }).click();
  await expect(swap.getByRole("status")).toHaveText("Swap requested. It takes effect when they accept.");

  const pat = await pageAs("product-manager");
  await pat.goto("/");
  const waiting = pat.getByRole("region", { name: /^Requests waiting for you/ });
  const request = waiting.getByTestId("incoming-request").filter({ hasText: note });
  await expect(request).toContainText(`${ACCOUNTS.engineer.name} asks: Swap`);
  // The notice is delivered by the job queue after the request commits: reload until the bell counts it.
  await expect(async () => {
    await pat.reload();
    await expect(pat.getByRole("link", { name: /^Notifications, \d+ unread$/ })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 40_000 });

  await pat.getByRole("region", { name: /^Requests waiting for you/ }).getByTestId("incoming-request").filter({ hasText: note }).getByRole("button", { name: "Decline" }).click();
  await expect(pat.getByTestId("incoming-request").filter({ hasText: note })).toHaveCount(0);

  // Erin hears the answer in her inbox, through the bell.
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByText(`${ACCOUNTS["product-manager"].name} declined your swap request on Checkout`).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 40_000 });
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
});

for (const width of [1280, 1366]) {
  test(`at ${width} px the navigation shows every label, in one row`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Primary" });
    for (const label of ["Home", "Services", "Runbooks", "On-call", "Incidents", "Deployments", "Changes", "Teams", "People"]) {
      await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    // Nothing pushed off the right edge: the person menu is fully on screen.
    const menu = await page.getByRole("button", { name: new RegExp(ACCOUNTS.engineer.name) }).boundingBox();
    expect(menu!.x + menu!.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

test("at 1280 px an admin's longer navigation (audit trail, settings) still fits in one row", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Primary" });
  await expect(nav.getByRole("link", { name: "Settings", exact: true })).toBeVisible();
  await nav.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL("/settings");
  const menu = await page.getByRole("button", { name: new RegExp(ACCOUNTS.admin.name) }).boundingBox();
  expect(menu!.x + menu!.width).toBeLessThanOrEqual(1280);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test("on a 390 px phone, quick find and the menu are one tap away", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: "Find" }).click();
  const finder = page.getByRole("combobox", { name: "Find services, runbooks and people" });
  await expect(finder).toBeFocused();
  await finder.fill("checkout");
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "On-call" }).click();
  await expect(page).toHaveURL("/oncall");
});

/** Presses Tab until the target has the focus, as a keyboard user does (bounded; fails if it never does). */
async function tabTo(page: import("@playwright/test").Page, target: import("@playwright/test").Locator, limit = 120) {
  for (let presses = 0; presses < limit && !(await target.evaluate((el) => el === document.activeElement)); presses++) await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
}

test("a swap is requested and declined with the keyboard alone", async ({ page, pageAs }) => {
  const note = `Keyboard swap ${Date.now()}`;
  await page.goto("/oncall/checkout");
  const swap = page.locator("form").filter({ has: page.getByRole("button", { name: "Request swap" }) });
  const theirs = swap.getByLabel("Their shift");
  await tabTo(page, theirs);
  // Arrow keys move through the offered shifts without opening the list: down to Pat's first one.
  const pat = ACCOUNTS["product-manager"].name;
  for (let presses = 0; presses < 40 && !(await theirs.locator("option:checked").textContent())?.startsWith(pat); presses++) await page.keyboard.press("ArrowDown");
  await expect(theirs.locator("option:checked")).toContainText(pat);
  await tabTo(page, swap.getByLabel("Message (optional)"));
  await page.keyboard.type(note);
  await tabTo(page, swap.getByRole("button", { name: "Request swap" }));
  await page.keyboard.press("Enter");
  await expect(swap.getByRole("status")).toHaveText("Swap requested. It takes effect when they accept.");

  // Pat answers from the home, also by keyboard.
  const other = await pageAs("product-manager");
  await other.goto("/");
  const decline = other.getByTestId("incoming-request").filter({ hasText: note }).getByRole("button", { name: "Decline" });
  await tabTo(other, decline);
  await other.keyboard.press("Enter");
  await expect(other.getByTestId("incoming-request").filter({ hasText: note })).toHaveCount(0);
});
