import { expect, screenshot, test } from "./server.ts";

test.use({ demo: true });

test("a seller asks for a concession with what the customer gives in return; the manager approves it; the admin sets who approves how much", async ({
  page,
  confidant,
}) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Tom Becker (seller)" }).click();
  await page.getByRole("link", { name: "Decisions" }).first().click();
  await page.getByTestId("decision-card").filter({ hasText: "Northgate digital platform" }).click();
  const panel = page.getByRole("region", { name: "Concessions" });
  await panel.getByRole("button", { name: "Ask for a concession" }).click();
  const dialog = page.getByRole("dialog", { name: "Ask for a concession" });
  await dialog.getByLabel("How much off").fill("10");
  await dialog
    .getByLabel("Why, in the customer's terms")
    .fill("Their board cut the digital budget by a tenth");
  await dialog.getByLabel("What they give in return").fill("A three-year term and a case study");
  await dialog.getByRole("button", { name: "Ask for it" }).click();
  const asked = panel.getByTestId("concession");
  await expect(asked).toContainText("10% off");
  await expect(asked).toContainText("requested");
  await expect(asked).toContainText("10% off needs the manager (up to 15%).");
  await expect(asked.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await screenshot(page, "concession-requested");

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Enter the demo as Daniel Okafor (manager)" }).click();
  await page.getByRole("link", { name: "Decisions" }).first().click();
  await page.getByTestId("decision-card").filter({ hasText: "Northgate digital platform" }).click();
  await panel.getByRole("button", { name: "Approve" }).click();
  await expect(asked).toContainText("approved by Daniel Okafor");
  await screenshot(page, "concession-approved");

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Enter the demo as Maya Chen (admin)" }).click();
  await page.getByRole("link", { name: "Settings" }).first().click();
  const policies = page.getByRole("region", { name: "Policies" });
  await policies.getByLabel("A seller approves their own concession up to (% off)").fill("5");
  await policies.getByRole("button", { name: "Save policies" }).click();
  await expect(page.getByText("Policies saved.")).toBeVisible();
  await page.reload();
  await expect(policies.getByLabel("A seller approves their own concession up to (% off)")).toHaveValue("5");
  await screenshot(page, "settings-policies");
});
