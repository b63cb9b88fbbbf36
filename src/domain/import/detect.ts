/** Recognizing what a CRM export is before reading it: its encoding, delimiter and source system. */

import { kindFromHeaders, normalizeHeader } from "./fields.ts";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
export type SourceFormat =
  | "salesforce"
  | "salesforce_report"
  | "hubspot"
  | "pipedrive"
  | "zoho"
  | "dynamics"
  | "close"
  | "copper"
  | "maven"
  | "confidant"
  | "csv";
export type RecordKind =
  | "account"
  | "contact"
  | "opportunity"
  | "contact_role"
  | "product"
  | "team"
  | "unknown";

/** From the first bytes: a byte-order mark decides; otherwise bytes that are not valid UTF-8 mean Windows-1252. */
export function detectEncoding(head: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  // UTF-16 without a mark: every other byte of ASCII text is zero.
  const sample = head.subarray(0, 512);
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? zeroOdd++ : zeroEven++;
  if (sample.length >= 8 && zeroOdd > sample.length / 4) return { encoding: "utf-16le", bomLength: 0 };
  if (sample.length >= 8 && zeroEven > sample.length / 4) return { encoding: "utf-16be", bomLength: 0 };
  try {
    // A character cut at the end of the sample is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(trimPartial(head));
    return { encoding: "utf-8", bomLength: 0 };
  } catch {
    return { encoding: "windows-1252", bomLength: 0 };
  }
}

/** Text holds tabs and line breaks; NUL and the other low control characters mean binary data (-1: none). */
export function firstControlCharacter(text: string) {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 27)) return i;
  }
  return -1;
}

function trimPartial(bytes: Uint8Array) {
  const end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0xc0) return bytes.subarray(0, end - back);
    if ((byte & 0xc0) !== 0x80) break;
  }
  return bytes;
}

/** The delimiter of a header line: the most frequent of comma, semicolon and tab outside quotes. */
export function detectDelimiter(headerLine: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0] as "," | ";" | "\t") ?? ",";
}

const norm = (header: string) =>
  header
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/^"|"$/g, "")
    .toLowerCase();

/** Which system wrote the file, and which records it holds, from its header row. */
export function detectFormat(headers: string[]): { format: SourceFormat; kind: RecordKind } {
  const h = new Set(headers.map(norm));
  const has = (...names: string[]) => names.every((n) => h.has(n));
  if ([...h].some((x) => /^(account|contact|opportunity): /.test(x))) {
    const kind = [...h].some((x) => x.startsWith("opportunity: "))
      ? "opportunity"
      : [...h].some((x) => x.startsWith("contact: "))
        ? "contact"
        : "account";
    return { format: "salesforce_report", kind };
  }
  // Confidant's own export, so data moves between workspaces and installations.
  if (has("id", "title", "outcome", "account_name")) return { format: "confidant", kind: "opportunity" };
  if (has("id", "account_name", "name", "email", "source_system"))
    return { format: "confidant", kind: "contact" };
  if (has("id", "name", "current_approach", "source_system")) return { format: "confidant", kind: "account" };
  if (has("id", "stagename", "closedate")) return { format: "salesforce", kind: "opportunity" };
  if (has("id", "contactid", "opportunityid", "role")) return { format: "salesforce", kind: "contact_role" };
  if (has("id", "firstname", "lastname") && (h.has("accountid") || h.has("email")))
    return { format: "salesforce", kind: "contact" };
  if (has("id", "name") && (h.has("billingcity") || h.has("industry") || h.has("numberofemployees")))
    return { format: "salesforce", kind: "account" };
  if (has("opportunity_id", "sales_agent", "deal_stage")) return { format: "maven", kind: "opportunity" };
  if (has("account", "sector", "employees")) return { format: "maven", kind: "account" };
  if (has("product", "series", "sales_price")) return { format: "maven", kind: "product" };
  if (has("sales_agent", "manager", "regional_office")) return { format: "maven", kind: "team" };
  // Pipedrive's exports prefix every column with the record it belongs to.
  if (h.has("deal - title")) return { format: "pipedrive", kind: "opportunity" };
  if (h.has("person - name")) return { format: "pipedrive", kind: "contact" };
  if (h.has("organization - name")) return { format: "pipedrive", kind: "account" };
  if (has("deal name", "deal stage") || has("deal name", "pipeline"))
    return { format: "hubspot", kind: "opportunity" };
  if (has("first name", "last name", "lifecycle stage") || has("record id", "first name", "last name"))
    return { format: "hubspot", kind: "contact" };
  if ((has("name", "domain") || has("company name", "company domain name")) && !h.has("deal name"))
    return { format: "hubspot", kind: "account" };
  if (has("title", "value", "stage") && (h.has("organization") || h.has("person")))
    return { format: "pipedrive", kind: "opportunity" };
  if (has("name", "organization") && (h.has("email") || h.has("phone")))
    return { format: "pipedrive", kind: "contact" };
  if (has("name", "address") && h.has("people")) return { format: "pipedrive", kind: "account" };
  // No known set of headers: what the headers name, in any system's labels, says which records they are; labels
  // only one system uses say who wrote it (report exports and CRMs' exports pick and order columns freely).
  const evidence = kindFromHeaders(headers);
  if (!evidence) return { format: "csv", kind: "unknown" };
  return { format: systemFromLabels(new Set(headers.map(normalizeHeader))), kind: evidence.kind };
}

/** Column labels only one system's exports use: two of them say which system wrote a file. */
const SYSTEM_LABELS: Partial<Record<SourceFormat, string[]>> = {
  salesforce_report: [
    "opportunity name",
    "opportunity owner",
    "fiscal period",
    "probability (%)",
    "lead source",
    "account owner",
    "last activity",
    "last modified date",
    "opportunity id",
  ],
  hubspot: [
    "record id",
    "deal owner",
    "create date",
    "associated company",
    "associated company id",
    "deal stage",
    "pipeline",
    "closed lost reason",
    "closed won reason",
    "last activity date",
    "deal probability",
  ],
  zoho: [
    "closing date",
    "created time",
    "modified time",
    "reason for loss",
    "expected revenue",
    "last activity time",
  ],
  dynamics: [
    "(do not modify) opportunity",
    "(do not modify) row checksum",
    "(do not modify) modified on",
    "topic",
    "potential customer",
    "est. close date",
    "est. revenue",
    "status reason",
    "actual close date",
    "actual revenue",
    "created on",
  ],
  close: [
    "lead name",
    "lead id",
    "status type",
    "status label",
    "value currency",
    "value period",
    "date won",
    "user name",
  ],
  copper: ["owned by", "win probability", "primary contact", "date modified", "loss reason", "details"],
};

/** The system whose own labels the headers use most (at least two, and more than any other), or plain CSV. */
function systemFromLabels(headers: Set<string>): SourceFormat {
  const scored = Object.entries(SYSTEM_LABELS)
    .map(([system, labels]) => ({
      system: system as SourceFormat,
      hits: labels.filter((l) => headers.has(l)).length,
    }))
    .sort((a, b) => b.hits - a.hits);
  const [best, second] = scored;
  return best && best.hits >= 2 && best.hits > (second?.hits ?? 0) ? best.system : "csv";
}
