import { expect, screenshot, test } from "./server.ts";

test.use({ demo: true });

const SCRIPT = `<script>window.__xss = 1</script><b>bold</b>`;
const IMG = `<img src=x onerror="window.__xss = 2">`;

test("the seller shares a plan; a buyer without an account ticks a step, corrects the problem and checks in; the seller sees it; revoking closes the room", {
  tag: "@postgres",
}, async ({ page, browser, confidant }) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Priya Raman (seller)" }).click();
  await page.getByRole("link", { name: "Decisions" }).first().click();
  await page.getByTestId("decision-card").filter({ hasText: "Stop rekeying 300 loads a day" }).click();
  await page.getByRole("tab", { name: "Plan and buyer room" }).click();

  await page.getByRole("combobox", { name: "Plan template" }).click();
  await page.getByRole("option", { name: "Pilot with success criteria" }).click();
  await page.getByRole("button", { name: "Apply template" }).click();
  await expect(page.getByTestId("plan-step")).toHaveCount(6);

  // A step can be renamed and given an owner; a date already past is questioned, not refused.
  await page.getByRole("button", { name: "Change Name the pilot team and a sponsor" }).click();
  const dialog = page.getByRole("dialog", { name: "Change the step" });
  await dialog.getByLabel("Step", { exact: true }).fill("Name the pilot team");
  await dialog.getByLabel("Owner").click();
  await page.getByRole("option", { name: "Luis Romero" }).click();
  await dialog.getByLabel("Due").fill("2020-01-15");
  await expect(dialog.getByText("This date has already passed — is that right?")).toBeVisible();
  await dialog.getByLabel("Due").fill("");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("plan-step").filter({ hasText: "Name the pilot team" })).toContainText(
    "Luis Romero",
  );
  await page.getByRole("button", { name: "Share with the customer" }).click();
  await page.getByLabel("Who is it for?").fill("Luis Romero, Dispatch Manager");
  await page.getByRole("button", { name: "Create link" }).click();
  const url = (await page.getByTestId("share-url").textContent())!.trim();
  expect(url).toMatch(/\/room\/[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Done" }).click();

  // The buyer: a fresh browser context, no cookies, no account.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(url);
  await expect(buyer.getByTestId("room-title")).toHaveText("Stop rekeying 300 loads a day");
  await expect(buyer.locator("body")).not.toContainText("75,000"); // our value never shows
  await buyer.getByLabel("Done: Agree pilot scope and success criteria").click();
  await expect(buyer.getByLabel("Done: Agree pilot scope and success criteria")).toBeChecked();

  // A general link asks for the name once, at the top, and says so at once when something needs it.
  await buyer
    .getByLabel(/^Comment on /)
    .first()
    .fill("Can we start Monday?");
  await buyer.getByRole("button", { name: "Comment" }).first().click();
  await expect(buyer.getByText("Tell us your name to comment or check in")).toBeVisible();
  await buyer.getByLabel("Your name").fill("Luis Romero");
  await buyer.getByRole("button", { name: "Comment" }).first().click();
  await expect(buyer.getByText(/Comment added/)).toBeVisible();
  await buyer.getByRole("button", { name: "Not quite — here is how we see it" }).click();
  await buyer
    .getByLabel("How you see the problem")
    .fill(`Errors cost us redelivery fees, and customers leave. ${SCRIPT}`);
  await buyer.getByRole("button", { name: "Send our view" }).click();
  await expect(buyer.getByTestId("room-problem-sent")).toContainText("has your view of the problem");
  await buyer
    .getByLabel("What worries you about this change?")
    .fill(`Dispatchers fear for their jobs ${IMG}`);
  await buyer.getByRole("button", { name: "Add concern" }).click();
  await expect(buyer.getByTestId("room-concerns")).toContainText(IMG);

  const ratings: [string, string][] = [
    ["We understand the problem", "5"],
    ["We understand the solution", "4"],
    ["We understand the risks and how they are handled", "3"],
    ["I know what it means for me", "4"],
    ["My organization agrees", "2"],
  ];
  for (const [label, value] of ratings) {
    await buyer.getByRole("radiogroup", { name: label }).getByText(value, { exact: true }).click();
  }
  await buyer.getByRole("button", { name: "Send check-in" }).click();
  await expect(
    buyer.getByText(/sees your check-in\. Check in again whenever your view changes\./),
  ).toBeVisible();
  expect(await buyer.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await screenshot(buyer, "buyer-room-desktop");
  await buyer.setViewportSize({ width: 390, height: 844 });
  await buyer.reload();
  await expect(buyer.getByTestId("room-title")).toBeVisible();
  await screenshot(buyer, "buyer-room-phone");

  // The seller sees the buyer's words as they wrote them, the divergence and the readiness gap.
  await page.reload();
  await page.getByRole("tab", { name: "Plan and buyer room" }).click();
  await expect(page.getByTestId("correction")).toContainText(SCRIPT);
  await expect(page.getByTestId("buyer-activity")).toContainText("Luis Romero (unverified) checked in");
  await expect(page.getByTestId("consensus")).toContainText("Luis Romero");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await screenshot(page, "seller-plan-and-room");
  await page.getByRole("tab", { name: "The customer's decision" }).click();
  await expect(page.getByTestId("readiness-panel")).toContainText(
    'Luis Romero rates "my organization agrees" 2 of 5',
  );
  // The canvas states the buyer's own ratings, not our estimate; a general link's check-in is unverified.
  const confidence = page.getByTestId("confidence");
  await expect(confidence).toHaveAttribute("data-source", "buyers");
  await expect(page.getByTestId("confidence-people")).toContainText("Luis Romero");
  await expect(page.getByTestId("confidence-people")).toContainText("unverified");
  await confidence.scrollIntoViewIfNeeded();
  await screenshot(page, "canvas-confidence-from-buyers");

  // His own link: the room greets him, never asks his name, and his check-in is verified.
  await page.getByRole("button", { name: "Own room link" }).first().click();
  await page.getByRole("button", { name: "Create link" }).click();
  const own = (await page.getByTestId("share-url").textContent())!.trim();
  await page.getByRole("button", { name: "Done" }).click();
  const ownContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const luis = await ownContext.newPage();
  await luis.goto(own);
  await expect(luis.getByTestId("room-you")).toContainText("Welcome, Luis Romero");
  await expect(luis.getByLabel("Your name")).toHaveCount(0);
  for (const [label] of ratings)
    await luis.getByRole("radiogroup", { name: label }).getByText("4", { exact: true }).click();
  await luis.getByRole("button", { name: "Send check-in" }).click();
  await expect(luis.getByText(/sees your check-in/)).toBeVisible();
  await screenshot(luis, "buyer-room-own-link-phone");
  await ownContext.close();
  await page.reload();
  await expect(page.getByTestId("confidence-people")).not.toContainText("unverified");

  await page.getByRole("tab", { name: "Plan and buyer room" }).click();
  await page
    .getByRole("row", { name: /Luis Romero, Dispatch Manager/ })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(page.getByText("revoked")).toBeVisible();
  await buyer.reload();
  await expect(buyer.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
  await buyerContext.close();
});
