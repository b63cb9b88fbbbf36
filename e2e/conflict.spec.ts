import { expect, screenshot, test } from "./server.ts";

test.use({ demo: true });

test("two tabs on one decision: edits to different sections both stand; the same section shows theirs beside mine, and keep mine saves it", async ({
  page,
  context,
  confidant,
}) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Priya Raman (seller)" }).click();
  await page.getByRole("link", { name: "Decisions" }).first().click();
  await page.getByTestId("decision-card").filter({ hasText: "Stop rekeying 300 loads a day" }).click();
  const other = await context.newPage();
  await other.goto(page.url());

  // Both tabs open the trigger; this tab also opens the problem.
  const trigger = page.getByTestId("section-trigger");
  const theirTrigger = other.getByTestId("section-trigger");
  await trigger.getByRole("button", { name: "Edit" }).click();
  await theirTrigger.getByRole("button", { name: "Edit" }).click();

  await theirTrigger.getByLabel("The event that makes change necessary").fill("Peak season starts in March.");
  await theirTrigger.getByRole("button", { name: "Save" }).click();
  await expect(theirTrigger.getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(theirTrigger.getByText("Peak season starts in March.")).toBeVisible();

  // A different section merges without a word.
  const problem = page.getByTestId("section-problem");
  await problem.getByRole("button", { name: "Edit" }).click();
  await problem.getByLabel("Root cause — why does it happen?").fill("Loads arrive as PDFs by email.");
  await problem.getByRole("button", { name: "Save" }).click();
  await expect(problem.getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(problem.getByText("Loads arrive as PDFs by email.")).toBeVisible();

  // The same section: theirs beside mine, nothing overwritten until the member chooses.
  await trigger.getByLabel("The event that makes change necessary").fill("The TMS contract renews in May.");
  await trigger.getByRole("button", { name: "Save" }).click();
  const conflict = trigger.getByTestId("conflict");
  await expect(conflict).toContainText("changed by you in another tab or window");
  await expect(conflict.getByTestId("conflict-theirs")).toContainText("Peak season starts in March.");
  await expect(conflict.getByTestId("conflict-mine")).toContainText("The TMS contract renews in May.");
  await screenshot(page, "edit-conflict");
  await conflict.getByRole("button", { name: "Keep mine" }).click();
  // Saved: the form closes and the section shows the kept text.
  await expect(trigger.getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(trigger.getByTestId("conflict")).toHaveCount(0);
  await expect(trigger.getByText("The TMS contract renews in May.")).toBeVisible();
  await expect(problem.getByText("Loads arrive as PDFs by email.")).toBeVisible();

  // The history tells it in words: who, what, before → after, and where.
  await page.getByRole("tab", { name: "History" }).click();
  const latest = page.getByTestId("history-entry").first();
  await expect(latest).toContainText("Priya Raman changed the decision");
  await expect(latest).toContainText(
    "What makes them act now: Peak season starts in March. → The TMS contract renews in May.",
  );
  await screenshot(page, "history-in-words");
  await latest.getByRole("link", { name: "Why change, why now" }).click();
  await expect(page).toHaveURL(/tab=canvas.*#section-trigger/);
});

test("two tabs on one account: a different field merges; the same field shows theirs beside mine", async ({
  page,
  context,
  confidant,
}) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Priya Raman (seller)" }).click();
  await page.getByRole("link", { name: "Accounts" }).first().click();
  await page.getByRole("link", { name: "Bluewater Logistics" }).first().click();
  const other = await context.newPage();
  await other.goto(page.url());

  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await other.getByRole("button", { name: "Edit", exact: true }).click();
  await other.getByLabel("Goals and aspirations").fill("Grow into Mexico by 2027.");
  await other.getByRole("button", { name: "Save" }).click();
  await expect(other.getByText("Grow into Mexico by 2027.")).toBeVisible();

  // This tab changed only the industry: it merges with the goals saved meanwhile.
  await page.getByLabel("Industry").fill("Freight logistics");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("button", { name: "Edit", exact: true })).toBeVisible();
  await expect(page.getByText("Freight logistics")).toBeVisible();
  await expect(page.getByText("Grow into Mexico by 2027.")).toBeVisible();

  // Both change the goals: the second save waits with theirs beside mine.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await other.reload();
  await other.getByRole("button", { name: "Edit", exact: true }).click();
  await other.getByLabel("Goals and aspirations").fill("Open a second hub in Texas.");
  await other.getByRole("button", { name: "Save" }).click();
  await expect(other.getByRole("button", { name: "Edit", exact: true })).toBeVisible();
  await page.getByLabel("Goals and aspirations").fill("Win the Walmart lanes.");
  await page.getByRole("button", { name: "Save" }).click();
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toContainText("The goals");
  await expect(conflict.getByTestId("conflict-theirs")).toContainText("Open a second hub in Texas.");
  await expect(conflict.getByTestId("conflict-mine")).toContainText("Win the Walmart lanes.");
  await screenshot(page, "account-conflict");
  await conflict.getByRole("button", { name: "Take theirs" }).click();
  await expect(page.getByRole("button", { name: "Edit", exact: true })).toBeVisible();
  await expect(page.getByText("Open a second hub in Texas.")).toBeVisible();
  await expect(page.getByText("Win the Walmart lanes.")).toHaveCount(0);

  // A person at the account: the same, theirs beside mine.
  await other.reload();
  await page.getByRole("button", { name: "Edit Ivy Chen" }).click();
  await other.getByRole("button", { name: "Edit Ivy Chen" }).click();
  await other.getByRole("dialog").getByLabel("Title").fill("VP Operations");
  await other.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(other.getByText("VP Operations")).toBeVisible();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title").fill("Head of Operations");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByTestId("conflict-theirs")).toContainText("VP Operations");
  await dialog.getByRole("button", { name: "Keep mine" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByText("Head of Operations")).toBeVisible();
});
