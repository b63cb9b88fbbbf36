import { expect, screenshot, test } from "./server.ts";

test.use({ demo: true });

test("on a fresh start with the demo on, enter the demo as the manager in one click", async ({
  page,
  confidant,
}) => {
  await page.goto(confidant.url);
  await expect(page.getByRole("heading", { name: "Explore the demo" })).toBeVisible();
  await screenshot(page, "demo-welcome");
  await page.getByRole("button", { name: "Enter the demo as Daniel Okafor (manager)" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Daniel" })).toBeVisible();
  await expect(page.getByTestId("workspace-name")).toHaveText("Northwind Demo");
  await expect(page.getByText("manager", { exact: true })).toBeVisible();
  await screenshot(page, "demo-manager-home");

  for (const [link, heading] of [
    ["Decisions", "Decisions"],
    ["Reviews", "Reviews"],
    ["Insights", "Insights"],
    ["Settings", "Settings"],
  ] as const) {
    await page.getByRole("link", { name: link }).first().click();
    await expect(page.getByRole("heading", { name: heading, level: 2 })).toBeVisible();
  }
  await expect(page.getByRole("cell", { name: "Enterprise East", exact: true })).toHaveCount(3);
  // Settings speaks the user's language: no internal keys, no raw placeholders.
  await expect(page.getByText("When: The problem reads like our product, not their situation")).toBeVisible();
  await expect(page.locator("main")).not.toContainText("problem.seller_shaped");
  await expect(page.locator("main")).not.toContainText("{name}");
  await expect(page.getByText("the person's name").first()).toBeVisible();
  await screenshot(page, "demo-manager-settings");
});

test("with the demo off, no one-click entry is offered", async ({ browser }) => {
  const { startConfidant } = await import("./server.ts");
  const server = await startConfidant({ demo: false });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await expect(page.getByRole("heading", { name: "Create your workspace" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Explore the demo" })).toHaveCount(0);
    const status = await page.request.post(`${server.url}/api/v1/demo/enter`, {
      data: { memberId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(status.status()).toBe(404);
  } finally {
    await server.stop();
  }
});
