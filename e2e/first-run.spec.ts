import { expect, screenshot, test } from "./server.ts";

test("on a fresh start, create a workspace and its admin, sign out and sign in again", {
  tag: "@postgres",
}, async ({ page, confidant }) => {
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

  // An admin invites a seller by link; no password changes hands. Sam opens it in his own browser.
  await page.getByRole("link", { name: "Settings" }).first().click();
  await page.getByRole("button", { name: "Invite member" }).click();
  await page.getByLabel("Name").fill("Sam Seller");
  // What the server refuses is said on the field, in plain words.
  await page.getByRole("textbox", { name: "Email" }).fill("sam@acme.c");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByText("Must be an email address.")).toBeVisible();
  await page.getByRole("textbox", { name: "Email" }).fill("sam@acme.test");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const invitation = (await page.getByTestId("member-link").textContent()) ?? "";
  expect(invitation).toContain("/join/");
  await screenshot(page, "settings-invitation-link");
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("member-row-sam@acme.test")).toContainText("invited");
  await screenshot(page, "settings-members");

  const other = await page.context().browser()!.newContext();
  const samPage = await other.newPage();
  await samPage.goto(invitation);
  await expect(samPage.getByRole("heading", { name: "Join Acme Sales" })).toBeVisible();
  await samPage.getByRole("textbox", { name: "Password", exact: true }).fill("sams-own-secret-9");
  await samPage.getByRole("textbox", { name: "Password, again" }).fill("sams-own-secret-9");
  await screenshot(samPage, "join-by-invitation");
  await samPage.getByRole("button", { name: "Join" }).click();
  await expect(samPage.getByRole("heading", { name: "Welcome, Sam" })).toBeVisible();

  // The invitation is spent: opening it again says so plainly.
  await samPage.goto(invitation);
  await expect(samPage.getByRole("heading", { name: "This link no longer works" })).toBeVisible();

  // Sam changes his password in Settings; he stays signed in.
  await samPage.goto(`${confidant.url}/settings`);
  const panel = samPage.getByTestId("password-panel");
  await panel.getByLabel("Current password").fill("sams-own-secret-9");
  await panel.getByLabel("New password", { exact: true }).fill("sams-second-secret");
  await panel.getByLabel("New password, again").fill("sams-second-secret");
  await panel.getByRole("button", { name: "Change password" }).click();
  await expect(samPage.getByText("Password changed")).toBeVisible();
  await samPage.reload();
  await expect(samPage.getByRole("heading", { name: "Settings", level: 2 })).toBeVisible();

  // He forgets it; the admin sends a reset link, and choosing a new password signs him in.
  await page.reload();
  await expect(page.getByTestId("member-row-sam@acme.test")).toContainText("active");
  await page.getByRole("button", { name: "Actions for Sam Seller" }).click();
  await page.getByRole("menuitem", { name: "Password reset link" }).click();
  const reset = (await page.getByTestId("member-link").textContent()) ?? "";
  await page.getByRole("button", { name: "Done" }).click();
  await samPage.goto(reset);
  await expect(samPage.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await samPage.getByRole("textbox", { name: "Password", exact: true }).fill("sams-third-secret");
  await samPage.getByRole("textbox", { name: "Password, again" }).fill("sams-third-secret");
  await samPage.getByRole("button", { name: "Save and sign in" }).click();
  await expect(samPage.getByRole("heading", { name: "Welcome, Sam" })).toBeVisible();
  await other.close();
});
