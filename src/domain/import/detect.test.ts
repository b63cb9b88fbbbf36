import { describe, expect, it } from "vitest";
import { detectDelimiter, detectEncoding, detectFormat } from "./detect.ts";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("detectEncoding", () => {
  it("reads byte-order marks", () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ encoding: "utf-8", bomLength: 3 });
    expect(detectEncoding(bytes(0xff, 0xfe, 0x41, 0))).toEqual({ encoding: "utf-16le", bomLength: 2 });
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x41))).toEqual({ encoding: "utf-16be", bomLength: 2 });
  });
  it("recognizes UTF-16 without a mark, Windows-1252 and plain UTF-8", () => {
    expect(detectEncoding(new Uint8Array(Buffer.from("Name,Amount\n", "utf16le"))).encoding).toBe("utf-16le");
    expect(detectEncoding(bytes(0x43, 0x61, 0x66, 0xe9, 0x2c))).toEqual({
      encoding: "windows-1252",
      bomLength: 0,
    });
    expect(detectEncoding(new Uint8Array(Buffer.from("Café, Zoë")))).toEqual({
      encoding: "utf-8",
      bomLength: 0,
    });
    // A multi-byte character cut at the end of the sample is still UTF-8.
    expect(detectEncoding(new Uint8Array(Buffer.from("Café")).subarray(0, 4)).encoding).toBe("utf-8");
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["Name,Amount,Stage", ","],
    ["Name;Amount;Stage", ";"],
    ["Name\tAmount\tStage", "\t"],
    ['"Name, full";Amount;Stage', ";"],
  ])("%j → %j", (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});

describe("detectFormat", () => {
  it.each([
    [
      ["ID", "ISDELETED", "ACCOUNTID", "NAME", "STAGENAME", "AMOUNT", "CLOSEDATE"],
      "salesforce",
      "opportunity",
    ],
    [["Id", "Name", "Industry", "BillingCity"], "salesforce", "account"],
    [["Id", "FirstName", "LastName", "AccountId", "Email"], "salesforce", "contact"],
    [["Id", "ContactId", "OpportunityId", "Role"], "salesforce", "contact_role"],
    [["Account: Account Name", "Contact: First Name", "Contact: Last Name"], "salesforce_report", "contact"],
    [["opportunity_id", "sales_agent", "product", "account", "deal_stage"], "maven", "opportunity"],
    [["account", "sector", "year_established", "revenue", "employees"], "maven", "account"],
    [["Deal Name", "Deal Stage", "Amount", "Close Date"], "hubspot", "opportunity"],
    [["First Name", "Last Name", "Email", "Lifecycle Stage"], "hubspot", "contact"],
    [["Domain", "Name", "Phone Number"], "hubspot", "account"],
    [["Title", "Value", "Stage", "Organization", "Person"], "pipedrive", "opportunity"],
    [["Name", "Organization", "Email", "Phone"], "pipedrive", "contact"],
    [["Customer", "Total"], "csv", "unknown"],
  ] as const)("%j → %s %s", (headers, format, kind) => {
    expect(detectFormat([...headers])).toEqual({ format, kind });
  });
});

describe("detectFormat by evidence, when no known header set matches", () => {
  it.each([
    [
      "a Salesforce opportunity report with the columns a user picked",
      [
        "Opportunity Name",
        "Account Name",
        "Stage",
        "Amount",
        "Close Date",
        "Opportunity Owner",
        "Probability (%)",
        "Fiscal Period",
        "Age",
      ],
      { format: "salesforce_report", kind: "opportunity" },
    ],
    [
      "a grouped Salesforce report, groups first",
      ["Opportunity Owner", "Stage", "Opportunity Name", "Account Name", "Amount", "Close Date"],
      { format: "salesforce_report", kind: "opportunity" },
    ],
    [
      "a spreadsheet of deals",
      ["Deal", "Customer", "Value", "Stage", "Expected close date"],
      { format: "csv", kind: "opportunity" },
    ],
    ["a list of people", ["Full name", "Email", "Company", "Job title"], { format: "csv", kind: "contact" }],
    ["nothing any field names", ["foo", "bar", "baz"], { format: "csv", kind: "unknown" }],
  ])("%s", (_what, headers, expected) => {
    expect(detectFormat(headers)).toEqual(expected);
  });
});
