import { expect, screenshot, test } from "./server.ts";

test.use({ demo: true });

test("a manager disagrees with how an answer was read; the workspace's figure in Settings changes and the export holds the correction", async ({
  page,
  confidant,
}) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Daniel Okafor (manager)" }).click();
  await page.getByRole("link", { name: "Settings" }).first().click();
  const panel = page.getByTestId("diagnostics-panel");
  await expect(panel).toContainText("No verdicts yet.");

  await page.getByRole("link", { name: "Reviews" }).first().click();
  const item = page.getByTestId("queue-item").filter({ hasText: "Stop rekeying 300 loads a day" });
  await item.getByRole("button", { name: "Start review" }).click();
  const problem = page.getByTestId("answer-problem");
  const answer = "Rekeying eats the dispatchers' mornings, per Luis.";
  await problem.getByRole("textbox").fill(answer);
  await problem.getByRole("button", { name: "Save answer" }).click();
  await expect(problem.getByRole("button", { name: "Save answer" })).toHaveCount(0);

  // Read as the customer's problem; the manager finds it too thin to act on: no figure, no who-else.
  await expect(problem.getByTestId("diagnosis")).toContainText("About the customer");
  const verdict = problem.getByTestId("verdict");
  // The review reloads after the save; "Disagree" is pressed until its choices are open.
  await expect(async () => {
    await verdict.getByRole("button", { name: "Disagree" }).click();
    await expect(page.getByRole("combobox", { name: "The right reading" })).toBeVisible({ timeout: 2000 });
  }).toPass();
  await page.getByRole("combobox", { name: "The right reading" }).click();
  await page.getByRole("option", { name: "Too vague to act on" }).click();
  await screenshot(page, "diagnosis-disagree");
  await page.getByRole("button", { name: "Save the right reading" }).click();
  await expect(verdict).toContainText("You said:Too vague to act on");

  await page.getByRole("link", { name: "Settings" }).first().click();
  await expect(panel.getByRole("table", { name: "Verdicts on diagnoses" })).toContainText(answer);
  await expect(panel.getByTestId("agreement-Label matched")).toHaveText("0% (0 of 1)");
  await screenshot(page, "settings-diagnostics");

  // The decision canvas shows how the problem statement was read; the manager agrees there.
  await page.getByRole("link", { name: "Decisions" }).first().click();
  await page.getByTestId("decision-card").filter({ hasText: "Close the books in 5 days, not 12" }).click();
  const reading = page.getByTestId("problem-reading");
  await reading.getByRole("button", { name: "Agree", exact: true }).click();
  await expect(reading).toContainText("You agreed.");
  await page.getByRole("link", { name: "Settings" }).first().click();
  await expect(panel.getByTestId("agreement-Label matched")).toHaveText("50% (1 of 2)");

  const exported = await page.request.get(`${confidant.url}/api/v1/diagnosis-corrections/export`);
  expect(exported.status()).toBe(200);
  const lines = (await exported.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  expect(lines).toHaveLength(2);
  expect(lines).toContainEqual(
    expect.objectContaining({ question: "problem", answer, label: "vague", reason: "vague" }),
  );
});
