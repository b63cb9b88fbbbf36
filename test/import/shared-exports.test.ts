import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectDelimiter, detectEncoding, detectFormat } from "../../src/domain/import/detect.ts";

describe("the shared CRM exports", () => {
  const root = "../shared/data";
  const files: [string, string, string][] = [
    ["salesforce-dataloader-samples/opportunityData.csv", "salesforce", "opportunity"],
    ["salesforce-dataloader-samples/accountData.csv", "salesforce", "account"],
    ["salesforce-trailhead-samples/lwc-recipes/Accounts-Contacts.csv", "salesforce_report", "contact"],
    ["maven-crm/sales_pipeline.csv", "maven", "opportunity"],
    ["maven-crm/accounts.csv", "maven", "account"],
    ["hubspot-sample-imports/Sample_Deal_Import-1.csv", "hubspot", "opportunity"],
    ["hubspot-sample-imports/contacts_sample_import-1.csv", "hubspot", "contact"],
    ["hubspot-sample-imports/companies.csv", "hubspot", "account"],
  ];
  const present = existsSync(root);
  if (!present && process.env.CI === "true") {
    it("are required under CI", () => {
      throw new Error(`${root} is missing: CI runs with the shared data beside the project`);
    });
  }
  it.skipIf(!present)(
    "are recognized from their headers (skipped when the shared data is not beside the project)",
    () => {
      for (const [file, format, kind] of files) {
        const buffer = readFileSync(`${root}/${file}`);
        const { bomLength } = detectEncoding(new Uint8Array(buffer.subarray(0, 4096)));
        const header = buffer.subarray(bomLength).toString("utf8").split(/\r?\n/)[0]!;
        const headers = header.split(detectDelimiter(header));
        expect(detectFormat(headers), file).toEqual({ format, kind });
      }
    },
  );
});
