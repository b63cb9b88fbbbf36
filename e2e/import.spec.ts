import path from "node:path";
import type { FileChooser, Page } from "@playwright/test";
import { createWorkspace } from "./helpers.ts";
import { expect, screenshot, test } from "./server.ts";

const fixture = (name: string) => path.resolve("test/fixtures/import", name);

/** Chooses files the way a user does: the file picker opens from the field. */
async function chooseFiles(page: Page, files: Parameters<FileChooser["setFiles"]>[0]) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByLabel("CSV exports (or Salesforce data tree JSON)").click();
  await (await chooser).setFiles(files);
}

test("an admin uploads CRM exports, fixes a column in the mapping, sees the dry run, imports, and undoes it", async ({
  page,
  confidant,
}) => {
  await createWorkspace(page, confidant.url);
  await page.getByRole("link", { name: "Settings" }).first().click();
  await page.getByRole("link", { name: "Import and export" }).click();
  await expect(page.getByRole("heading", { name: "Import and export", level: 2 })).toBeVisible();

  await chooseFiles(page, [fixture("salesforce-Opportunity.csv"), fixture("salesforce-Account.csv")]);
  await page.getByRole("button", { name: "Check files" }).click();

  // Detected format and kind, and the mapping with sample values.
  const mapping = page.getByRole("table", { name: "Mapping of salesforce-Opportunity.csv" });
  await expect(mapping).toBeVisible();
  await expect(page.getByText("opportunity", { exact: true })).toBeVisible();
  await expect(mapping.getByRole("row", { name: /Name/ }).first()).toContainText("Contoso - Scheduling");
  await expect(page.getByText("to create")).toBeVisible();
  await expect(page.getByText("Owners who are not members yet")).toBeVisible();

  // The description is not wanted: take it out of the mapping and check again.
  await mapping.getByRole("combobox", { name: "Description (kept as notes) column" }).click();
  await page.getByRole("option", { name: "— not imported" }).click();
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByText("Not imported: DESCRIPTION", { exact: false })).toBeVisible();
  await screenshot(page, "import-preview");

  // Two clicks in a row (a quick double-click, before the page has re-rendered) import once.
  const starts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/v1/imports")
      starts.push(request.url());
  });
  await page.getByRole("button", { name: /^Import \d+ rows$/ }).evaluate((button: HTMLElement) => {
    button.click();
    button.click();
  });
  await expect(page.getByRole("status")).toContainText("Imported: 5 created, 0 updated, 1 skipped, 0 errors");
  await expect(page.getByRole("table", { name: "Import history" })).toContainText("done");
  await expect(page.getByRole("table", { name: "Import history" }).locator("tbody tr")).toHaveCount(1);
  expect(starts).toHaveLength(1);
  await screenshot(page, "import-done");

  await page.getByRole("link", { name: "Decisions" }).first().click();
  await page.getByText("Contoso - Scheduling").first().click();
  await expect(page.getByTestId("decision-source")).toContainText("from salesforce");
  await expect(page.getByTestId("decision-source")).toContainText("stage “Proposal/Price Quote”");
  await screenshot(page, "import-decision");

  await page.goto(`${confidant.url}/import`);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("table", { name: "Import history" })).toContainText("undone");
  await page.getByRole("link", { name: "Decisions" }).first().click();
  await expect(page.getByText("Contoso - Scheduling")).toHaveCount(0);
});

test("a spreadsheet no format knows: start from the mapping its values suggest, correct it, save it, import", async ({
  page,
  confidant,
}) => {
  await createWorkspace(page, confidant.url);
  await page.goto(`${confidant.url}/import`);
  await chooseFiles(page, {
    name: "partners.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "Ref;Customer;Project;Worth;Due\nP-1;Initech Corporation;Printer fleet;2.500,00;15.03.2027\nP-2;Globex Industries;Badge printers;900,00;01.04.2027\n",
    ),
  });
  await page.getByRole("button", { name: "Check files" }).click();
  // Its values say it holds deals with amounts and dates, but not which text column is the title.
  await expect(page.getByText("This file needs a mapping")).toBeVisible();
  await expect(page.getByText(/the titles could be in “Customer” or “Project”/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();
  const mapping = page.getByRole("table", { name: "Mapping of partners.csv" });
  await expect(mapping.getByRole("combobox", { name: "Value column", exact: true })).toHaveValue("Worth");
  await expect(
    mapping.getByRole("combobox", { name: "Target / close date column", exact: true }),
  ).toHaveValue("Due");
  await expect(mapping).toContainText("Proposed, 90% sure: its values are amounts");
  await expect(mapping).toContainText("Proposed, 50% sure: its values differ on every row");
  await screenshot(page, "import-proposed-mapping");

  for (const [field, column] of [
    ["Source id", "Ref"],
    ["Account name", "Customer"],
    ["Name", "Project"],
  ] as const) {
    await mapping.getByRole("combobox", { name: `${field} column`, exact: true }).click();
    await page.getByRole("option", { name: column, exact: true }).click();
  }
  await expect(mapping).toContainText("Printer fleet · Badge printers");
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByText("This file needs a mapping")).toHaveCount(0);
  await expect(page.getByText("to create")).toBeVisible();

  await page.getByLabel("Save this mapping as").fill("Partner sheet");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Mapping “Partner sheet” saved.")).toBeVisible();
  await screenshot(page, "import-mapping");

  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByRole("status")).toContainText("Imported: 2 created, 0 updated, 0 skipped, 0 errors");
  await page.goto(`${confidant.url}/decisions`);
  await expect(page.getByRole("link", { name: "Printer fleet" })).toBeVisible();
});

test("a file that cannot be read at all is named with the reason", async ({ page, confidant }) => {
  await createWorkspace(page, confidant.url);
  await page.goto(`${confidant.url}/import`);
  await chooseFiles(page, { name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("") });
  await page.getByRole("button", { name: "Check files" }).click();
  await expect(page.getByRole("alert")).toContainText("empty.csv: is empty");
});
