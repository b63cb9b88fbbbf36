import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./server.ts";

test.use({ demo: true });
// The audit reads the pages' markup, which no database changes: the PostgreSQL run skips the repeat.
test.skip(Boolean(process.env.DATABASE_URL), "markup only: audited in the embedded run");

/** Serious and critical violations on the page as it is now, each with where it is. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

test("the main pages have no serious or critical accessibility violations (axe)", async ({
  page,
  browser,
  confidant,
}) => {
  // Eight full-page audits: on a busy two-core machine they take longer than a flow's usual minute.
  test.setTimeout(240_000);
  const found: Record<string, string[]> = {};
  const check = async (name: string) => {
    await page.waitForLoadState("networkidle");
    found[name] = await seriousViolations(page);
  };

  await page.goto(`${confidant.url}/sign-in`);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await check("sign-in");

  await page.goto(confidant.url);
  await page.getByRole("button", { name: /Enter the demo as .* \(admin\)/ }).click();
  await expect(page.getByRole("link", { name: "Import" })).toBeVisible();
  await page.getByRole("link", { name: "Decisions" }).first().click();
  await expect(page.getByTestId("decision-card").first()).toBeVisible();
  await check("board");

  await page.getByTestId("decision-card").filter({ hasText: "Stop rekeying 300 loads a day" }).click();
  await expect(page.getByTestId("readiness-panel")).toBeVisible();
  await check("decision");

  await page.getByRole("tab", { name: "Plan and buyer room" }).click();
  await page.getByRole("button", { name: "Share with the customer" }).click();
  await page.getByLabel("Who is it for?").fill("Luis Romero");
  await page.getByRole("button", { name: "Create link" }).click();
  const room = (await page.getByTestId("share-url").textContent())!.trim();
  await page.getByRole("button", { name: "Done" }).click();

  await page.getByRole("link", { name: "Reviews" }).first().click();
  await expect(page.getByRole("heading", { name: "Reviews", level: 2 })).toBeVisible();
  await check("review queue");

  await page.getByTestId("queue-item").first().getByRole("button", { name: "Start review" }).click();
  await expect(page.getByTestId("answer-impact")).toBeVisible();
  await check("review");

  await page.getByRole("link", { name: "Insights" }).first().click();
  await expect(page.getByRole("heading", { name: "Insights", level: 2 })).toBeVisible();
  await check("insights");

  await page.getByRole("link", { name: "Settings" }).first().click();
  await expect(page.getByRole("heading", { name: "Settings", level: 2 })).toBeVisible();
  await check("settings");

  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(room);
  await expect(buyer.getByTestId("room-title")).toBeVisible();
  await buyer.waitForLoadState("networkidle");
  found.room = await seriousViolations(buyer);

  expect(found).toEqual({
    "sign-in": [],
    board: [],
    decision: [],
    "review queue": [],
    review: [],
    insights: [],
    settings: [],
    room: [],
  });
});
