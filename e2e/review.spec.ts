import { expect, screenshot, test } from "./server.ts";

test.use({ demo: true });

test("a manager reviews a demo decision, sees a flagged answer with its question, agrees an action, and the seller sees the task", async ({
  page,
  confidant,
}) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Daniel Okafor (manager)" }).click();
  // A manager's home leads to the review queue.
  await expect(page.getByTestId("home-queue")).toContainText("Decisions to review first");
  await page.getByRole("link", { name: "Open the review queue" }).click();
  const item = page.getByTestId("queue-item").filter({ hasText: "Stop rekeying 300 loads a day" });
  await expect(item).toContainText("Never reviewed.");
  await screenshot(page, "review-queue");
  await item.getByRole("button", { name: "Start review" }).click();

  const impact = page.getByTestId("answer-impact");
  await impact.getByRole("textbox").fill("We don't get the order and I miss my quarter.");
  await expect(impact.getByTestId("diagnosis")).toContainText("About us: our loss, not theirs");
  await expect(impact.getByTestId("suggestion")).toContainText("Ask the customer: What if nothing changes");
  await impact.getByRole("button", { name: "Save answer" }).click();
  await expect(impact.getByRole("button", { name: "Save answer" })).toHaveCount(0);

  await page
    .getByLabel("Coaching notes")
    .fill("We know our loss, not theirs. Ask Luis what errors cost them.");
  await page.getByRole("button", { name: "Save notes" }).click();
  await page.getByLabel("Action").fill("Ask Luis what each rekeying error costs in redelivery fees");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByText("Ask Luis what each rekeying error costs in redelivery fees")).toBeVisible();
  await screenshot(page, "review-in-progress");
  await page.getByRole("button", { name: "Complete review" }).click();
  await expect(page.getByText(/^Completed/)).toBeVisible();
  await expect(page.getByText("Review completed")).toBeVisible();

  // The seller, signed in elsewhere, finds the task on her home page.
  const other = await page.context().browser()!.newContext();
  const seller = await other.newPage();
  await seller.goto(confidant.url);
  await seller.getByRole("button", { name: "Enter the demo as Priya Raman (seller)" }).click();
  await expect(seller.getByTestId("tasks")).toContainText(
    "Ask Luis what each rekeying error costs in redelivery fees",
  );
  await screenshot(seller, "seller-home-tasks");
  await other.close();
});
