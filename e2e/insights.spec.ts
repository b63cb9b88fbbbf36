import { expect, screenshot, test } from "./server.ts";

test.use({ demo: true });

test("a manager reads the team's Insights on the demo — help-first metrics, no-decision risk, forecast, the quarter — and a seller sees only their own", async ({
  page,
  confidant,
}) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Daniel Okafor (manager)" }).click();
  await page.getByRole("link", { name: "Insights" }).first().click();

  const perSeller = page.getByRole("region", { name: "Help-first metrics per seller", exact: true });
  await expect(perSeller).toContainText("Priya Raman");
  await expect(perSeller).toContainText("Tom Becker");
  await expect(perSeller).toContainText("All shown");
  const evidence = page.getByRole("region", { name: "Customer evidence on open decisions", exact: true });
  await expect(evidence.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await evidence.getByText("Table").click();
  await expect(evidence.getByRole("cell", { name: "Problem in the customer's words" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Why customers decided nothing", exact: true }),
  ).toContainText("customers decided nothing");
  await screenshot(page, "insights-help-first-manager");

  await page.getByRole("tab", { name: "No-decision risk" }).click();
  const help = page.getByRole("region", { name: "Decisions at risk of no decision", exact: true });
  await expect(help).toContainText("People disagree");
  await expect(help).toContainText("Recommend");
  await screenshot(page, "insights-risk-manager");

  await page.getByRole("tab", { name: "Forecast" }).click();
  const perDecision = page.getByRole("region", { name: "Forecast per decision", exact: true });
  await expect(perDecision).toContainText("raised the chance of winning");
  await expect(
    page
      .getByRole("region", { name: "Expected won value by month", exact: true })
      .locator(".recharts-bar-rectangle")
      .first(),
  ).toBeVisible();
  const trust = page.getByRole("region", { name: "How much to trust the forecast", exact: true });
  await trust.getByText("Table").click();
  await expect(trust.getByRole("cell", { name: "Brier score (lower is better)" })).toBeVisible();
  await screenshot(page, "insights-forecast-manager");

  await page.getByRole("tab", { name: "Discounts and the quarter" }).click();
  await expect(
    page.getByRole("region", { name: "When in the quarter customers decide", exact: true }),
  ).toContainText(/closed in the last 21 days of a quarter against \d+ in its first 21/);
  await screenshot(page, "insights-quarter-manager");

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Enter the demo as Tom Becker (seller)" }).click();
  await page.getByRole("link", { name: "Insights" }).first().click();
  await expect(page.getByText("How well you help your customers decide")).toBeVisible();
  const mine = page.getByRole("region", { name: "Help-first metrics per seller", exact: true });
  await expect(mine).toContainText("Tom Becker");
  await expect(mine).not.toContainText("Priya Raman");
  await screenshot(page, "insights-help-first-seller");
});
