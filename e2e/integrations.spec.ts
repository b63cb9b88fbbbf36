import { execFileSync } from "node:child_process";
import { startReceiver } from "../test/webhook-receiver.ts";
import { createWorkspace } from "./helpers.ts";
import { expect, screenshot, test } from "./server.ts";

/** curl as a user would run it: the status code on the last line. */
function curl(url: string, token: string) {
  const out = execFileSync(
    "curl",
    ["-s", "-w", "\n%{http_code}", "-H", `Authorization: Bearer ${token}`, url],
    {
      encoding: "utf8",
    },
  );
  const lines = out.trimEnd().split("\n");
  return { status: Number(lines.pop()), body: JSON.parse(lines.join("\n")) };
}

test("an admin makes an API token and lists decisions with curl; revoked, it gets 401; a webhook registered in the browser shows a change's signed delivery in its log", {
  tag: "@postgres",
}, async ({ page, confidant }) => {
  await createWorkspace(page, confidant.url);
  const api = `${confidant.url}/api/v1`;
  const account = await page.request.post(`${api}/accounts`, { data: { name: "Contoso" } });
  const decision = await (
    await page.request.post(`${api}/decisions`, {
      data: { accountId: (await account.json()).id, title: "Faster close" },
    })
  ).json();

  await page.getByRole("link", { name: "Settings" }).first().click();
  await page.getByRole("link", { name: "API and integrations" }).click();
  await expect(page.getByRole("heading", { name: "API and integrations" })).toBeVisible();
  await expect(page.getByTestId("curl-example")).toContainText(`${confidant.url}/api/v1/decisions`);

  await page.getByRole("button", { name: "New token" }).click();
  await page.getByLabel("Name").fill("Weekly report");
  await page.getByRole("button", { name: "Make token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^cfd_/);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("tokens-panel")).toContainText("Weekly report");
  await expect(page.getByTestId("tokens-panel")).not.toContainText(token);

  const listed = curl(`${api}/decisions`, token);
  expect(listed.status).toBe(200);
  expect(JSON.stringify(listed.body)).toContain("Faster close");
  await page.reload();
  await expect(
    page.getByTestId("tokens-panel").getByRole("row", { name: /Weekly report/ }),
  ).not.toContainText("never used");

  await page.getByTestId("tokens-panel").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("tokens-panel")).toContainText("revoked");
  const refused = curl(`${api}/decisions`, token);
  expect(refused.status).toBe(401);
  await screenshot(page, "integrations-tokens");

  const receiver = await startReceiver();
  try {
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByRole("combobox", { name: "Events" }).click();
    await page.getByRole("option", { name: /^decision\.updated/ }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    receiver.expectSecret(secret);
    await page.getByRole("button", { name: "Done" }).click();

    const changed = await page.request.patch(`${api}/decisions/${decision.id}`, {
      data: { version: decision.version, title: "Faster close, signed off" },
    });
    expect(changed.status()).toBe(200);
    const [delivery] = await receiver.waitFor(1);
    expect(delivery!.signatureValid).toBe(true);
    expect(delivery!.json).toMatchObject({
      type: "decision.updated",
      data: { object: { title: "Faster close, signed off" } },
    });

    const hook = page.getByTestId("webhook");
    await hook.getByRole("button", { name: "Deliveries" }).click();
    const log = hook.getByTestId("delivery-log");
    await expect(log).toContainText("decision.updated");
    await expect(log).toContainText("delivered");
    await expect(log).toContainText("200");
    await screenshot(page, "integrations-webhooks");
  } finally {
    await receiver.close();
  }
});
