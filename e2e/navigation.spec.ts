import { expect, screenshot, test } from "./server.ts";

test.use({ demo: true });

test("view state lives in the address: tabs, board or table, owner and sort survive reload and back; unknown pages and records answer at once, in the app's own look", async ({
  page,
  confidant,
}) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Daniel Okafor (manager)" }).click();
  await page.getByRole("link", { name: "Decisions" }).first().click();
  // The board says which columns are out of view, and cards show whose they are and what they are worth.
  await expect(page.getByTestId("board-more")).toContainText("Decided");
  await expect(page.getByTestId("card-owner").first()).toContainText(/Priya Raman|Tom Becker/);
  await screenshot(page, "decisions-board-demo");
  // Import is an admin's page: a manager's navigation does not offer it.
  await expect(page.getByRole("link", { name: "Import" })).toHaveCount(0);

  await page.getByText("Table", { exact: true }).click();
  await page.getByText("Mine", { exact: true }).click();
  await page.getByText("All I can see", { exact: true }).click();
  await page
    .locator("label")
    .filter({ hasText: /^Value$/ })
    .click();
  await expect(page).toHaveURL(/view=table/);
  await expect(page).toHaveURL(/sort=-value/);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Cost of waiting" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Value" })).toBeChecked();

  await page.getByRole("link", { name: "Stop rekeying 300 loads a day" }).click();
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page).toHaveURL(/tab=history/);
  await page.reload();
  await expect(page.getByRole("tab", { name: "History" })).toHaveAttribute("aria-selected", "true");
  await page.goBack();
  await expect(page.getByRole("tab", { name: "The customer's decision" })).toHaveAttribute(
    "aria-selected",
    "true",
  );

  // A decision that does not exist: one request, no retries, and a page that says so.
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/v1/decisions/00000000-0000-4000-8000-000000000000"))
      asked.push(request.url());
  });
  await page.goto(`${confidant.url}/decisions/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByTestId("cannot-open")).toContainText("There is nothing here");
  expect(asked).toHaveLength(1);

  await page.goto(`${confidant.url}/no-such-page`);
  await expect(page.getByTestId("not-found")).toContainText("This page does not exist");
  await screenshot(page, "not-found");
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Daniel" })).toBeVisible();
});
