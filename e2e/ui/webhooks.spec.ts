// An admin adds an organisation webhook through the real form, pointed at a receiver this test runs;
// the secret is shown once; "Send a test event" reaches the receiver (signature verified with
// standardwebhooks) through the job queue, and the delivery's 200 appears in the log.
import { startReceiver, type Receiver } from "../../test/webhook-receiver";
import { authFile, expect, field, test } from "../fixtures";

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver(`/hooks/e2e-${Date.now()}`);
});
test.afterAll(() => receiver.close());

test.describe("organisation webhooks", () => {
  test.use({ storageState: authFile("admin") });

  test("an admin adds a webhook, sees its secret once, sends a test event and sees it delivered", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto("/teams");
    await page.getByRole("link", { name: "Organisation webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Organisation webhooks" })).toBeVisible();

    // A bad URL is a field error and adds nothing.
    await field(page, "URL").fill("ftp://files.example.com/in");
    await page.getByRole("checkbox", { name: "A production deployment failed" }).check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("Enter a full http:// or https:// URL.").first()).toBeVisible();

    await field(page, "URL").fill(receiver.url);
    await page.getByRole("checkbox", { name: "A production deployment failed" }).check();
    await page.getByRole("checkbox", { name: "A change was submitted to the CAB" }).check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secretBox = page.getByLabel("Signing secret");
    await expect(secretBox).toHaveValue(/^whsec_/);
    const secret = await secretBox.inputValue();
    receiver.secrets.push(secret);

    const shown = receiver.url.replace(/^(http:\/\/[^/]+\/[^/]+).*$/, "$1");
    await page.reload();
    // Shown once: after a reload the secret is nowhere on the page.
    await expect(page.getByLabel("Signing secret")).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);
    // The webhook's card (its deliveries table is a region named after the URL too).
    const cardOf = () => page.getByRole("region").filter({ has: page.getByRole("heading", { name: shown }) }).last();
    const card = cardOf();
    await expect(card.getByText("deployment.failed")).toBeVisible();

    await card.getByRole("button", { name: `Send a test event to ${shown}` }).click();
    await expect(card.getByRole("status")).toContainText("Test event queued");
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const request = receiver.received[0]!;
    expect(request.verified, request.verifyError).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({ type: "webhook.test" });

    await expect
      .poll(async () => {
        await page.reload();
        return cardOf().locator(`tr[data-event-id="${request.id}"]`).innerText().catch(() => "");
      }, { timeout: 20_000, intervals: [500] })
      .toMatch(/webhook\.test\s+Delivered\s+200\s+\d+ ms\s+1/);

    // Removed (after confirming), it is gone from the page and gets no more events: the rest of the
    // suite's events are not posted to a receiver that closes with this file.
    page.once("dialog", (dialog) => void dialog.accept());
    await cardOf().getByRole("button", { name: `Remove the webhook to ${shown}` }).click();
    await expect(page.getByRole("heading", { name: shown })).toHaveCount(0);
  });
});

test.describe("webhooks for others", () => {
  test.use({ storageState: authFile("engineer") });

  test("an engineer who leads no team is refused the organisation's webhooks", async ({ page }) => {
    const response = await page.goto("/webhooks");
    expect(response?.status()).toBe(403);
  });
});
