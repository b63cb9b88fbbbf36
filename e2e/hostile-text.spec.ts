import type { APIRequestContext, Page } from "@playwright/test";
import { expect, screenshot, test } from "./server.ts";

test.use({ demo: true });

// Markup in every kind of text a seller, an admin or a buyer can type: each shows as the characters typed, and
// none of it runs. Written through the API (as a script would), read in the pages people use.
const HOSTILE = (where: string) =>
  `${where} <img src=x onerror="window.__xss='${where}'"><script>window.__xss='${where}'</script>"><svg onload="window.__xss='${where}'">`;

async function post(request: APIRequestContext, url: string, path: string, data: unknown) {
  const reply = await request.post(`${url}/api/v1${path}`, { data, headers: { origin: url } });
  expect(reply.status(), `${path}: ${await reply.text()}`).toBeLessThan(300);
  return reply.json();
}

async function noScriptRan(page: Page, where: string) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), where).toBeUndefined();
}

test("markup typed into any text shows as text and never runs, for sellers, managers and buyers", async ({
  page,
  browser,
  confidant,
}) => {
  await page.goto(confidant.url);
  await page.getByRole("button", { name: "Enter the demo as Maya Chen (admin)" }).click();
  await expect(page.getByRole("link", { name: "Decisions" }).first()).toBeVisible();
  const api = page.request;
  const url = confidant.url;

  const account = await post(api, url, "/accounts", {
    name: HOSTILE("account"),
    goals: HOSTILE("goals"),
    challenges: HOSTILE("challenges"),
  });
  const person = await post(api, url, "/stakeholders", {
    accountId: account.id,
    name: HOSTILE("stakeholder"),
    title: HOSTILE("title"),
  });
  const decision = await post(api, url, "/decisions", {
    accountId: account.id,
    title: HOSTILE("decision"),
    problem: {
      statement: HOSTILE("problem"),
      rootCause: HOSTILE("cause"),
      currentApproach: HOSTILE("approach"),
    },
    outcomesSought: [{ measure: HOSTILE("measure"), current: "12 days", target: "5 days" }],
    options: [{ name: HOSTILE("option"), notes: HOSTILE("option notes") }],
    criteria: [HOSTILE("criterion")],
    notes: HOSTILE("notes"),
  });
  await post(api, url, `/decisions/${decision.id}/stakeholders`, {
    stakeholderId: person.id,
    role: "champion",
  });
  await post(api, url, `/decisions/${decision.id}/concerns`, {
    text: HOSTILE("concern"),
    kind: "individual",
    category: "cost",
  });
  await post(api, url, `/decisions/${decision.id}/plan/steps`, { title: HOSTILE("step") });
  const link = await post(api, url, `/decisions/${decision.id}/share-links`, {
    label: HOSTILE("link label"),
  });
  await post(api, url, "/members", {
    email: "mallory@example.test",
    name: HOSTILE("member"),
    role: "seller",
  });

  // The buyer, in a browser of their own, reads it all and answers with markup of their own.
  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(link.url);
  await expect(buyer.getByTestId("room-title")).toHaveText(HOSTILE("decision"));
  await expect(buyer.locator("body")).toContainText(HOSTILE("step"));
  await buyer.getByLabel("Your name").fill("Buyer <b>bold</b>");
  await buyer.getByLabel("What worries you about this change?").fill(HOSTILE("buyer concern"));
  await buyer.getByRole("button", { name: "Add concern" }).click();
  await expect(buyer.getByTestId("room-concerns")).toContainText(HOSTILE("buyer concern"));
  await noScriptRan(buyer, "the buyer room");

  // The seller's and the manager's pages.
  const pages: [string, string, string][] = [
    ["decision canvas", `/decisions/${decision.id}`, HOSTILE("problem")],
    ["decision list", "/decisions", HOSTILE("decision")],
    ["account", `/accounts/${account.id}`, HOSTILE("stakeholder")],
    ["accounts", "/accounts", HOSTILE("account")],
    ["settings", "/settings", HOSTILE("member")],
    ["insights", "/insights", "Insights"],
    ["reviews", "/reviews", "Review"],
  ];
  for (const [where, path, shown] of pages) {
    await page.goto(`${url}${path}`);
    await expect(page.locator("body"), where).toContainText(shown);
    await noScriptRan(page, where);
  }
  await page.goto(`${url}/decisions/${decision.id}`);
  for (const tab of ["Plan and buyer room", "Reviews", "History"]) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(page.getByRole("tabpanel")).toBeVisible();
    await noScriptRan(page, tab);
  }
  await page.getByRole("tab", { name: "The customer's decision" }).click();
  await expect(page.locator("body")).toContainText(HOSTILE("buyer concern"));
  await noScriptRan(page, "the seller reading the buyer's concern");
  await screenshot(page, "hostile-text-canvas");
});
