import { expect, screenshot, test } from "./server.ts";

test("on a fresh start, create a workspace and its admin, sign out and sign in again", async ({
  page,
  confidant,
}) => {
  await page.goto(confidant.url);
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByRole("heading", { name: "Create your workspace" })).toBeVisible();
  await screenshot(page, "first-run-welcome");

  await page.getByLabel("Workspace name").fill("Acme Sales");
  await page.getByLabel("Your name").fill("Ann Rivera");
  await page.getByLabel("Work email").fill("ann@acme.test");
  await page.getByRole("textbox", { name: "Password" }).fill("short");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("At least 10 characters").last()).toBeVisible();

  await page.getByRole("textbox", { name: "Password" }).fill("a-long-secret-1");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Ann" })).toBeVisible();
  await expect(page.getByTestId("workspace-name")).toHaveText("Acme Sales");
  await screenshot(page, "first-run-home");

  // With no account yet, a new decision starts on naming the customer.
  await page.getByRole("link", { name: "Decisions" }).first().click();
  await page.getByRole("button", { name: "New decision" }).first().click();
  await expect(page.getByRole("radio", { name: "New account" })).toBeChecked();
  await page.keyboard.press("Escape");

  await page.getByTestId("member-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill("ann@acme.test");
  await page.getByRole("textbox", { name: "Password" }).fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

  await page.getByRole("textbox", { name: "Password" }).fill("a-long-secret-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Ann" })).toBeVisible();

  // An admin adds a seller, who signs in with the generated password in a fresh browser.
  await page.getByRole("link", { name: "Settings" }).first().click();
  await page.getByRole("button", { name: "Add member" }).click();
  await page.getByLabel("Name").fill("Sam Seller");
  await page.getByLabel("Email").fill("sam@acme.test");
  await page.getByRole("button", { name: "Add member" }).last().click();
  const password = (await page.getByTestId("generated-password").textContent()) ?? "";
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("member-row-sam@acme.test")).toBeVisible();
  await screenshot(page, "settings-members");

  const other = await page.context().browser()!.newContext();
  const samPage = await other.newPage();
  await samPage.goto(`${confidant.url}/sign-in`);
  await samPage.getByLabel("Email").fill("sam@acme.test");
  await samPage.getByRole("textbox", { name: "Password" }).fill(password);
  await samPage.getByRole("button", { name: "Sign in" }).click();
  await expect(samPage.getByRole("heading", { name: "Welcome, Sam" })).toBeVisible();

  // Sam replaces the password he was handed with his own; he stays signed in.
  await samPage.getByRole("link", { name: "Settings" }).first().click();
  const panel = samPage.getByTestId("password-panel");
  await panel.getByLabel("Current password").fill(password);
  await panel.getByLabel("New password", { exact: true }).fill("sams-own-secret-9");
  await panel.getByLabel("New password, again").fill("sams-own-secret-9");
  await panel.getByRole("button", { name: "Change password" }).click();
  await expect(samPage.getByText("Password changed")).toBeVisible();
  await samPage.reload();
  await expect(samPage.getByRole("heading", { name: "Settings", level: 2 })).toBeVisible();
  await other.close();
});
