import { expect, screenshot, test } from "./server.ts";

test.use({ demo: true });

const today = () => new Date().toISOString().slice(0, 10);

test("a won demo decision gets a post-sale check-in through the buyer room, and decisions that delivered moves", async ({
  page,
  browser,
  confidant,
}) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Daniel Okafor (manager)" }).click();
  await page.getByRole("link", { name: "Insights" }).first().click();
  await page.getByRole("tab", { name: "After the sale" }).click();
  await expect(page.getByTestId("delivered-words")).toHaveText(
    "No results in yet: 1 won decision is waiting on the customer or not due.",
  );

  // The account shows how its decisions turned out; the won one's outcomes sought became success measures.
  await page.getByRole("link", { name: "Accounts" }).first().click();
  await page.getByRole("link", { name: "Evergreen Utilities" }).click();
  const atAccount = page.getByRole("region", { name: "After the sale" });
  await expect(atAccount).toContainText("On the way");
  await atAccount.getByRole("link", { name: "Give customers outage ETAs they can trust" }).click();
  const panel = page.getByRole("region", { name: "After the sale" });
  await expect(panel.getByTestId("success-measure")).toHaveCount(2);
  await expect(panel.getByTestId("success-measure").first()).toContainText("Agreed: from 71% to 98% by");

  // The date agreed with the customer has come: the measure waits on them.
  await panel.getByTestId("success-measure").first().getByRole("button", { name: "Change" }).click();
  const dialog = page.getByRole("dialog", { name: "Change the success measure" });
  await dialog.getByLabel("By when").fill(today());
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByTestId("delivery")).toHaveText("Waiting on the customer");
  await expect(panel.getByTestId("success-measure").first()).toContainText("Ask the customer");

  await page.getByRole("tab", { name: "Plan and buyer room" }).click();
  await page.getByRole("button", { name: "Share with the customer" }).click();
  await page.getByLabel("Who is it for?").fill("Nora James, VP Grid Operations");
  await page.getByRole("button", { name: "Create link" }).click();
  const url = (await page.getByTestId("share-url").textContent())!.trim();
  await page.getByRole("button", { name: "Done" }).click();

  // The customer, in the room: where each measure stands, would they decide the same again, what got in the way.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(url);
  const section = buyer.getByTestId("room-after-sale");
  await expect(section).toContainText("The date you agreed has come.");
  const measure = (name: string) => section.getByTestId("report-measure").filter({ hasText: name });
  await measure("accuracy check").getByLabel("Where it stands now").fill("98.5%");
  await measure("accuracy check").getByText("Reached", { exact: true }).click();
  await measure("restoration ETA").getByLabel("Where it stands now").fill("92%");
  await measure("restoration ETA").getByText("Reached", { exact: true }).click();
  await section.getByText("Yes", { exact: true }).click();
  await section.getByLabel("What got in the way?").fill("Crews needed a month of training on the tablets.");
  await screenshot(buyer, "after-the-sale-room-form");
  await section.getByRole("button", { name: "Send" }).click();
  await expect(buyer.getByText("Tell us your name to comment or check in")).toBeVisible();
  await buyer.getByLabel("Your name").fill("Nora James");
  await section.getByRole("button", { name: "Send" }).click();
  await expect(section.getByRole("status")).toContainText("sees your answer");
  await screenshot(buyer, "after-the-sale-room");
  await buyerContext.close();

  await page.reload();
  await page.getByRole("tab", { name: "The customer's decision" }).click();
  await expect(panel.getByTestId("delivery")).toHaveText("Delivered");
  await expect(panel).toContainText("1 would decide the same again.");
  await expect(panel.getByTestId("success-report")).toContainText("Nora James (unverified)");
  await expect(panel.getByTestId("success-report")).toContainText("Crews needed a month of training");
  await screenshot(page, "after-the-sale-decision");

  await page.getByRole("link", { name: "Insights" }).first().click();
  await page.getByRole("tab", { name: "After the sale" }).click();
  await expect(page.getByTestId("delivered-rate")).toHaveText("100%");
  await expect(page.getByTestId("delivered-words")).toHaveText(
    "1 of 1 won decisions with the customer's results delivered every outcome sought.",
  );
  await expect(page.getByRole("region", { name: "Decisions that delivered, per seller" })).toContainText(
    "Daniel Okafor",
  );
  await screenshot(page, "after-the-sale-insights");
});
