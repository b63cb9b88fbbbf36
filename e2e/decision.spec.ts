import { createWorkspace, readinessOverall } from "./helpers.ts";
import { expect, screenshot, test } from "./server.ts";

test("record a customer's decision, see a product-shaped problem flagged with a question, fix it and watch readiness rise", async ({
  page,
  confidant,
}) => {
  await createWorkspace(page, confidant.url);

  // An account with two people.
  await page.getByRole("link", { name: "Accounts" }).click();
  await page.getByRole("button", { name: "Add your first account" }).click();
  await page.getByLabel("Name").fill("Contoso Manufacturing");
  await page.getByLabel("Industry").fill("Manufacturing");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Contoso Manufacturing" })).toBeVisible();
  for (const [name, title] of [
    ["Dana Lee", "CFO"],
    ["Sam Ortiz", "Controller"],
  ]) {
    await page.getByRole("button", { name: "Add person" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill(name!);
    await page.getByRole("dialog").getByLabel("Title").fill(title!);
    await page.getByRole("dialog").getByRole("button", { name: "Add" }).click();
    await expect(page.getByRole("cell", { name: `${name} ${title}`, exact: true })).toBeVisible();
  }

  // A decision whose problem is written as our product.
  await page.getByRole("button", { name: "New decision" }).click();
  await page.getByLabel("The decision, in the customer's terms").fill("Close the books in 5 days, not 12");
  await page.getByLabel("What problem are they trying to solve?").fill("They need to buy a new ERP");
  await page.getByRole("button", { name: "Create decision" }).click();
  await expect(page.getByTestId("decision-title")).toHaveText("Close the books in 5 days, not 12");

  await expect(page.getByTestId("readiness-panel")).toContainText(
    "The problem reads like our side, not theirs",
  );
  await expect(page.getByTestId("readiness-panel")).toContainText("Setting any product aside");
  const before = await readinessOverall(page);

  // Two stakeholders join the decision.
  for (const [name, role] of [
    ["Dana Lee", "Economic buyer"],
    ["Sam Ortiz", "Champion"],
  ]) {
    await page.getByRole("button", { name: "Add a stakeholder" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Someone we know at the account").click();
    await page.getByRole("option", { name: new RegExp(name!) }).click();
    await dialog.getByLabel("Role in the decision").click();
    await page.getByRole("option", { name: role!, exact: true }).click();
    await dialog.getByRole("button", { name: "Add to the decision" }).click();
    await expect(page.getByTestId("stakeholder-card").filter({ hasText: name! })).toBeVisible();
  }

  // The problem in the customer's words, said by the controller.
  const section = page.getByTestId("section-problem");
  await section.getByRole("button", { name: "Edit" }).click();
  await section
    .getByLabel("Problem statement")
    .fill(
      "Month-end close takes 12 days because plant ledgers are reconciled in spreadsheets, so board packs go out late.",
    );
  await section.getByLabel("Who said it").click();
  await page.getByRole("option", { name: /Sam Ortiz/ }).click();
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("Month-end close takes 12 days")).toBeVisible();

  await expect(page.getByTestId("readiness-panel")).not.toContainText("The problem reads like our side");
  await expect.poll(() => readinessOverall(page)).toBeGreaterThan(before);
  await expect(page.getByTestId("milestone")).toHaveText("Problem agreed");
  await screenshot(page, "decision-canvas");

  // An unknown cost of waiting reads as unknown, with the question to ask; a negative cost is refused on the field.
  const impact = page.getByTestId("section-impact");
  await expect(impact.getByTestId("cost-of-waiting")).toContainText("Not quantified yet");
  await expect(impact.getByTestId("cost-of-waiting")).not.toContainText("$0");
  await impact.getByRole("button", { name: "Edit" }).click();
  await impact.getByLabel("Recurring cost (USD)").fill("-5000");
  await impact.getByRole("button", { name: "Save" }).click();
  await expect(impact.getByText("The recurring cost can't be negative")).toBeVisible();
  await expect(impact.getByLabel("Recurring cost (USD)")).toHaveValue("-5,000");
  await impact.getByLabel("Recurring cost (USD)").fill("40000");
  await impact.getByRole("button", { name: "Save" }).click();
  await expect(impact.getByTestId("cost-of-waiting")).toContainText("$40,000");

  // What the server refuses is said in the form, in words, not in a passing toast.
  const confidence = page.getByTestId("section-confidence");
  await confidence.getByRole("button", { name: "Edit" }).click();
  await confidence.getByLabel("Outcome", { exact: true }).click();
  await page.getByRole("option", { name: "Won" }).click();
  await confidence.getByLabel("Decided on").fill("2999-01-01");
  await confidence.getByRole("button", { name: "Save" }).click();
  await expect(confidence.getByTestId("invalid-input")).toContainText(
    "The decision date must not be in the future.",
  );
  await confidence.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("link", { name: "Decisions" }).first().click();
  await expect(page.getByTestId("column-problem_agreed").getByTestId("decision-card")).toHaveCount(1);
  await screenshot(page, "decisions-board");
});
