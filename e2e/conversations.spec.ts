import path from "node:path";
import { readinessOverall } from "./helpers.ts";
import { expect, screenshot, test } from "./server.ts";

test.use({ demo: true });

test("a seller uploads a Zoom transcript, names the speakers, reads the coaching view, accepts two of the customer's statements and sees readiness rise", async ({
  page,
  confidant,
}) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Priya Raman (seller)" }).click();
  await page.getByRole("link", { name: "Decisions" }).first().click();
  await page.getByTestId("decision-card").filter({ hasText: "Stop rekeying 300 loads a day" }).click();
  const before = await readinessOverall(page);

  await page.getByRole("tab", { name: "Conversations" }).click();
  await page.getByRole("button", { name: "Add a conversation" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a conversation" });
  await dialog
    .locator("input[type=file]")
    .setInputFiles(path.resolve("test/fixtures/calls/roastery.zoom.vtt"));
  await expect(dialog.getByText("From roastery.zoom.vtt")).toBeVisible();
  await dialog.getByLabel("What it was").fill("Discovery with Ingrid and Tomas");
  await dialog.getByRole("button", { name: "Add and read it" }).click();

  // Nobody is named yet: everyone counts as the customer until the seller says who is who.
  const speakers = page.getByTestId("speaker-map");
  await expect(speakers).toContainText("not named yet");
  await speakers.getByLabel("Who is Ravi Shah?").click();
  await page.getByRole("option", { name: "Priya Raman" }).click();
  for (const name of ["Ingrid Dahl", "Tomas Berg"]) {
    await speakers.getByLabel(`Who is ${name}?`).click();
    await page.getByRole("option", { name: /A new person at/ }).click();
  }
  await speakers.getByRole("button", { name: "Save who spoke" }).click();
  await expect(speakers).not.toContainText("not named yet");
  await expect(speakers.getByLabel("Who is Tomas Berg?")).toHaveValue("Tomas Berg");

  const coaching = page.getByTestId("coaching");
  await expect(coaching).toContainText("Your questions: 8");
  await expect(coaching.getByTestId("questions-asked")).toContainText("Walk me through a normal roast day.");
  await expect(coaching.getByTestId("coaching-discount")).toContainText("You offered a price concession.");
  await screenshot(page, "conversation-coaching");

  const proposals = page.getByTestId("proposal");
  const problem = proposals.filter({ hasText: "We plan batches on a whiteboard" });
  await problem.getByRole("button", { name: "Accept" }).click();
  await expect(problem.getByText("accepted")).toBeVisible();
  const concern = proposals.filter({ hasText: "I am worried about our roasters" });
  await concern.getByRole("button", { name: "Accept" }).click();
  await expect(concern.getByText("accepted")).toBeVisible();
  await screenshot(page, "conversation-proposals");

  await page.getByRole("tab", { name: "The customer's decision" }).click();
  await expect(page.getByTestId("section-problem")).toContainText("We plan batches on a whiteboard");
  await expect(page.getByTestId("section-problem")).toContainText("Tomas Berg");
  await expect.poll(() => readinessOverall(page)).toBeGreaterThan(before);
  await screenshot(page, "conversation-readiness");

  // A reviewer sees the decision's recent conversations and what they taught, and opens one from there.
  await page.getByRole("tab", { name: "Reviews" }).click();
  await page.getByRole("button", { name: /Start a review|Continue the open review/ }).click();
  const recent = page.getByTestId("recent-conversations");
  await expect(recent).toContainText("Discovery with Ingrid and Tomas");
  await expect(recent).toContainText("2 taught the decision");
  await screenshot(page, "review-recent-conversations");
  await recent.getByRole("link", { name: "Discovery with Ingrid and Tomas" }).click();
  await expect(page.getByTestId("coaching")).toBeVisible();
});

test("the seller sees the trend of their conversations on Insights, and their manager sees the team's", async ({
  page,
  confidant,
}) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Priya Raman (seller)" }).click();
  await page.getByRole("link", { name: "Decisions" }).first().click();
  await page.getByTestId("decision-card").filter({ hasText: "Stop rekeying 300 loads a day" }).click();
  await page.getByRole("tab", { name: "Conversations" }).click();
  await page.getByRole("button", { name: "Add a conversation" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a conversation" });
  await dialog.getByLabel("What it was").fill("Site visit notes");
  await dialog
    .getByLabel("Notes")
    .fill(
      [
        "- Ingrid: we plan the batches on a whiteboard and orders still go missing.",
        "- We showed the scheduling board.",
        "- Asked Ingrid why they still plan from the whiteboard.",
        "Next step: Ingrid to send the order export by December 4th.",
      ].join("\n"),
    );
  await dialog.getByRole("button", { name: "Add and read it" }).click();
  const notes = page.getByTestId("notes-reading");
  await expect(notes).toContainText("Questions you noted asking: 1, 1 of them insight questions");
  await expect(notes).toContainText("Agreed, Ingrid owns it, on December 4th");
  await expect(page.getByTestId("proposal").first()).toContainText("from your notes, line 1");
  await screenshot(page, "conversation-notes");

  // Editing the notes reads them again: a worry added now is proposed as her concern.
  await page.getByRole("button", { name: "Edit notes" }).click();
  const notesField = page.getByRole("textbox", { name: "Notes" });
  await notesField.fill(
    `${await notesField.inputValue()}\n- Ingrid is worried the migration lands in peak season.`,
  );
  await page.getByRole("button", { name: "Save notes" }).click();
  await expect(page.getByTestId("proposal").filter({ hasText: "worried the migration" })).toContainText(
    "from your notes, line 5",
  );

  // A transcript in which Priya speaks counts in her trend.
  await page.getByRole("button", { name: "Add a conversation" }).click();
  await dialog
    .locator("input[type=file]")
    .setInputFiles(path.resolve("test/fixtures/calls/roastery.zoom.vtt"));
  await dialog.getByLabel("What it was").fill("Discovery with Ingrid and Tomas");
  await dialog.getByRole("button", { name: "Add and read it" }).click();
  const speakers = page.getByTestId("speaker-map");
  await speakers.getByLabel("Who is Ravi Shah?").click();
  await page.getByRole("option", { name: "Priya Raman" }).click();
  await speakers.getByRole("button", { name: "Save who spoke" }).click();
  await expect(page.getByTestId("coaching")).toContainText("Your questions: 8");

  await page.getByRole("link", { name: "Insights" }).first().click();
  // The decision page has a Conversations tab too: wait for Insights before choosing its tab.
  await expect(page.getByRole("heading", { name: "Insights", level: 2 })).toBeVisible();
  await page.getByRole("tab", { name: "Conversations" }).click();
  const trends = page.getByTestId("conversation-trends");
  await expect(trends).toContainText("Your conversations");
  await expect(trends).toContainText("Talked");
  // Her two demo calls and this one.
  await expect(trends).toContainText("on average over the last 3 conversations");
  await expect(trends.getByRole("table", { name: "Recent conversations" })).toContainText(
    "Stop rekeying 300 loads a day",
  );
  await screenshot(page, "insights-conversation-trends-seller");

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Enter the demo as Daniel Okafor (manager)" }).click();
  await page.getByRole("link", { name: "Insights" }).first().click();
  await expect(page.getByRole("heading", { name: "Insights", level: 2 })).toBeVisible();
  await page.getByRole("tab", { name: "Conversations" }).click();
  await expect(trends).toContainText("How the team's conversations are going");
  await expect(trends.getByTestId("trends-together")).toContainText("Together: Talked");
  await trends.getByRole("button", { name: /Priya Raman/ }).click();
  await expect(trends).toContainText("Left with a next step on a specific day in 3 of 3.");
  await screenshot(page, "insights-conversation-trends-manager");
});
