import { startSmtp } from "../test/smtp-receiver.ts";
import { createWorkspace } from "./helpers.ts";
import { test as base, expect, screenshot } from "./server.ts";

const test = base.extend<{ smtp: Awaited<ReturnType<typeof startSmtp>> }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's first parameter as the fixtures it needs (none).
  smtp: async ({}, use) => {
    const smtp = await startSmtp();
    await use(smtp);
    await smtp.close();
  },
  serverEnv: async ({ smtp }, use) =>
    use({ SMTP_URL: smtp.url, SMTP_FROM: "Confidant <confidant@acme.test>" }),
});

test("a seller emails a stakeholder the room; the buyer opens their link from the mail and stops further mail; the plan goes into a calendar", async ({
  page,
  browser,
  confidant,
  smtp,
}) => {
  await createWorkspace(page, confidant.url);
  const api = `${confidant.url}/api/v1`;
  const account = await (await page.request.post(`${api}/accounts`, { data: { name: "Contoso" } })).json();
  const dana = await (
    await page.request.post(`${api}/stakeholders`, {
      data: { accountId: account.id, name: "Dana Lee", email: "dana@contoso.example" },
    })
  ).json();
  const decision = await (
    await page.request.post(`${api}/decisions`, {
      data: { accountId: account.id, title: "Close the books in 5 days" },
    })
  ).json();
  await page.request.post(`${api}/decisions/${decision.id}/stakeholders`, {
    data: { stakeholderId: dana.id, role: "economic_buyer" },
  });
  await page.request.post(`${api}/decisions/${decision.id}/plan/steps`, {
    data: { title: "Legal signs the DPA", dueDate: "2027-01-15", ownerStakeholderId: dana.id },
  });

  await page.getByRole("link", { name: "Settings" }).first().click();
  await expect(page.getByTestId("email-panel")).toContainText("confidant@acme.test");

  await page.goto(`${confidant.url}/decisions/${decision.id}`);
  await page.getByRole("tab", { name: "Plan and buyer room" }).click();
  await page.getByRole("button", { name: "Email a stakeholder" }).click();
  await page.getByRole("combobox", { name: "To" }).click();
  await page.getByRole("option", { name: "Dana Lee" }).click();
  await page.getByLabel("Check in: how confident are they?").check();
  await page.getByLabel("A note from you (optional)").fill("Before Friday's steering meeting, please.");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("On its way to Dana Lee (dana@contoso.example).")).toBeVisible();

  const mail = await smtp.waitFor("dana@contoso.example");
  expect(mail.subject).toContain("how confident are you about “Close the books in 5 days”");
  const roomLink = /(http:\/\/\S+\/room\/[A-Za-z0-9_-]+)/.exec(mail.text!)![1]!;
  const unsubscribeLink = /(http:\/\/\S+\/unsubscribe\/[A-Za-z0-9_-]+)/.exec(mail.text!)![1]!;

  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(roomLink);
  await expect(buyer.getByText("Close the books in 5 days").first()).toBeVisible();
  await buyer.goto(unsubscribeLink);
  await expect(buyer.getByRole("heading", { name: "Stop these mails?" })).toBeVisible();
  await expect(buyer.getByTestId("unsubscribe-page")).toContainText("d…@contoso.example");
  await buyer.getByRole("button", { name: "Stop these mails" }).click();
  await expect(buyer.getByRole("heading", { name: "You will get no more of these" })).toBeVisible();
  await screenshot(buyer, "email-unsubscribed");

  await page.getByRole("button", { name: "Plan in my calendar" }).click();
  const feedUrl = (await page.getByTestId("feed-url").textContent())!.trim();
  await screenshot(page, "calendar-feed");
  const feed = await page.request.get(feedUrl);
  expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
  const ics = await feed.text();
  expect(ics).toContain("SUMMARY:Legal signs the DPA — Contoso");
  expect(ics).toContain("DTSTART;VALUE=DATE:20270115");
});
