import type { Page } from "@playwright/test";
import { expect } from "./server.ts";

/** First run in the browser: create a workspace and its admin, landing on the home page. */
export async function createWorkspace(page: Page, url: string, name = "Ann Rivera") {
  await page.goto(url);
  await page.getByLabel("Workspace name").fill("Acme Sales");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work email").fill("ann@acme.test");
  await page.getByRole("textbox", { name: "Password" }).fill("a-long-secret-1");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${name.split(" ")[0]}` })).toBeVisible();
}

export async function readinessOverall(page: Page) {
  return Number(await page.getByTestId("readiness-overall").textContent());
}
