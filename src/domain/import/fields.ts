/**
 * The fields Confidant reads from each kind of CRM record, and the column headers each source uses for them.
 * Headers are compared normalized (case, spaces, underscores and a Pipedrive "Deal - " prefix ignored), so
 * one list serves Salesforce API names, report labels, HubSpot labels, Pipedrive and Maven's snake_case.
 */

import type { RecordKind } from "./detect.ts";

export type ImportKind = Exclude<RecordKind, "unknown">;

export const FIELDS = {
  account: ["id", "name", "industry", "size", "website", "description", "deleted"],
  contact: [
    "id",
    "accountId",
    "accountName",
    "firstName",
    "lastName",
    "name",
    "title",
    "email",
    "phone",
    "description",
    "deleted",
  ],
  opportunity: [
    "id",
    "accountId",
    "accountName",
    "name",
    "amount",
    "currency",
    "closeDate",
    "outcomeDate",
    "openedDate",
    "stage",
    "status",
    "statusReason",
    "probability",
    "lossReason",
    "ownerEmail",
    "owner",
    "product",
    "description",
    "nextStep",
    "contactIds",
    "contactNames",
    "deleted",
  ],
  contact_role: ["id", "opportunityId", "contactId", "role", "deleted"],
  product: ["name", "series", "price"],
  team: ["member", "manager", "office"],
} as const satisfies Record<ImportKind, readonly string[]>;

export type FieldOf<K extends ImportKind> = (typeof FIELDS)[K][number];
export type ColumnMap = Partial<Record<string, string>>;

/** Fields whose values are dates, so their column's day/month order is detected. */
export const DATE_FIELDS = new Set(["closeDate", "outcomeDate", "openedDate"]);

export const FIELD_LABELS: Record<string, string> = {
  id: "Source id",
  accountId: "Account id",
  accountName: "Account name",
  opportunityId: "Opportunity id",
  contactId: "Contact id",
  name: "Name",
  firstName: "First name",
  lastName: "Last name",
  industry: "Industry",
  size: "Employees",
  website: "Website",
  description: "Description (kept as notes)",
  nextStep: "Next step (kept as notes)",
  contactIds: "Contact ids (people in the decision)",
  contactNames: "Contact names (people in the decision)",
  title: "Job title",
  email: "Email",
  phone: "Phone",
  amount: "Value",
  currency: "Currency",
  closeDate: "Target / close date",
  outcomeDate: "Decided on",
  openedDate: "Opened on (created or engaged)",
  stage: "Stage",
  status: "Status (open, won, lost)",
  statusReason: "Status reason",
  probability: "Probability (%)",
  lossReason: "Loss reason",
  ownerEmail: "Owner email",
  owner: "Owner",
  product: "Product line",
  role: "Role",
  deleted: "Deleted flag",
  series: "Series",
  price: "Price",
  member: "Sales agent",
  manager: "Manager",
  office: "Office",
};

const ALIASES: Record<ImportKind, Record<string, string[]>> = {
  account: {
    id: ["id", "record id", "company id", "organization id", "account id", "accountid"],
    name: ["name", "account name", "account", "company name", "organization name", "account: account name"],
    industry: ["industry", "sector", "account: industry"],
    size: ["numberofemployees", "number of employees", "employees", "size", "account: employees"],
    website: ["website", "domain", "company domain name", "account: website"],
    description: ["description", "notes", "about", "account: description"],
    deleted: ["isdeleted"],
  },
  contact: {
    id: ["id", "record id", "contact id", "person id", "contact: contact id"],
    accountId: ["accountid", "account id", "company id", "associated company id", "organization id"],
    accountName: [
      "account: account name",
      "accountname",
      "account.name",
      "account name",
      "company name",
      "company",
      "associated company",
      "organization",
      "organization name",
    ],
    firstName: ["firstname", "first name", "contact: first name"],
    lastName: ["lastname", "last name", "contact: last name"],
    name: ["name", "full name", "contact name", "contact: full name"],
    title: ["title", "job title", "contact: title"],
    email: ["email", "email address", "contact: email"],
    phone: ["phone", "phone number", "contact: phone", "mobilephone", "mobile phone number"],
    description: ["description", "notes", "contact: description"],
    deleted: ["isdeleted"],
  },
  opportunity: {
    id: [
      "id",
      "opportunity id",
      "record id",
      "deal id",
      "opportunity: opportunity id",
      "(do not modify) opportunity",
    ],
    accountId: [
      "accountid",
      "account id",
      "company id",
      "associated company id",
      "organization id",
      "lead id",
    ],
    accountName: [
      "account",
      "accountname",
      "account.name",
      "account name",
      "account: account name",
      "company",
      "company name",
      "associated company",
      "organization",
      "potential customer",
      "lead name",
    ],
    name: ["name", "opportunity name", "deal name", "title", "opportunity: opportunity name", "topic"],
    amount: [
      "amount",
      "value",
      "close value",
      "deal value",
      "opportunity: amount",
      "est. revenue",
      "estimated revenue",
      "actual revenue",
    ],
    currency: [
      "currencyisocode",
      "currency",
      "deal currency code",
      "opportunity: currency",
      "value currency",
    ],
    closeDate: [
      "closedate",
      "close date",
      "expected close date",
      "target date",
      "opportunity: close date",
      "closing date",
      "est. close date",
      "estimated close date",
    ],
    outcomeDate: ["outcome date", "actual close date", "date won", "closed date"],
    openedDate: [
      "createddate",
      "created date",
      "create date",
      "engage date",
      "deal created",
      "add time",
      "opened on",
      "opportunity: created date",
      "created time",
      "created on",
      "date created",
    ],
    stage: [
      "stagename",
      "deal stage",
      "stage",
      "source stage",
      "opportunity: stage",
      "pipeline stage",
      "status label",
    ],
    status: ["status", "outcome", "status type"],
    statusReason: ["status reason"],
    probability: [
      "probability (%)",
      "probability",
      "win probability",
      "deal probability",
      "confidence",
      "opportunity: probability (%)",
    ],
    lossReason: [
      "closed lost reason",
      "lost reason",
      "loss reason",
      "reason lost",
      "outcome reason",
      "reason for loss",
      "reason for loss s",
    ],
    ownerEmail: ["hubspot owner email", "owner email", "deal owner email", "user email"],
    owner: [
      "owner",
      "deal owner",
      "sales agent",
      "opportunity owner",
      "owner name",
      "ownerid",
      "owned by",
      "user name",
    ],
    product: ["product", "product line", "product name", "opportunity: product"],
    description: ["description", "deal description", "notes", "opportunity: description", "details", "note"],
    nextStep: ["nextstep", "next step", "next activity subject", "opportunity: next step"],
    contactIds: ["contactid", "contact id", "associated contact id", "associated contact ids", "person id"],
    contactNames: [
      "contact person",
      "associated contact",
      "associated contacts",
      "contact name",
      "primary contact",
      "contact",
    ],
    deleted: ["isdeleted"],
  },
  contact_role: {
    id: ["id"],
    opportunityId: ["opportunityid"],
    contactId: ["contactid"],
    role: ["role"],
    deleted: ["isdeleted"],
  },
  product: { name: ["product"], series: ["series"], price: ["sales price"] },
  team: { member: ["sales agent"], manager: ["manager"], office: ["regional office"] },
};

/**
 * "Deal - Expected close date" → "expected close date"; "close_date" → "close date"; "Loss_Reason__c" → "loss
 * reason"; Zoho's "Reason_For_Loss__s" → "reason for loss".
 */
export function normalizeHeader(header: string) {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/^"|"$/g, "")
    .toLowerCase()
    .replace(/^(deal|organization|person) - /, "")
    .replace(/__[cs]$/, "")
    .replace(/[_\s]+/g, " ");
}

/** The column for each field, from the file's headers: the first alias found wins. */
export function suggestColumns(kind: ImportKind, headers: string[]): ColumnMap {
  const byNormal = new Map<string, string>();
  for (const header of headers) {
    const normal = normalizeHeader(header);
    if (!byNormal.has(normal)) byNormal.set(normal, header);
  }
  const columns: ColumnMap = {};
  const taken = new Set<string>();
  for (const [field, aliases] of Object.entries(ALIASES[kind])) {
    for (const alias of aliases) {
      const header = byNormal.get(alias);
      if (header !== undefined && !taken.has(header)) {
        columns[field] = header;
        taken.add(header);
        break;
      }
    }
  }
  return columns;
}

/** What the file holds that no field takes, so the user sees it is not imported rather than losing it quietly. */
export function unmappedHeaders(headers: string[], columns: ColumnMap) {
  const used = new Set(Object.values(columns));
  return headers.filter((header) => header.trim() && !used.has(header));
}

export function isImportKind(kind: string): kind is ImportKind {
  return kind in FIELDS;
}

/** Fields that say a file holds records of a kind; a kind is recognized only with one of them. */
const NAMING: Record<"opportunity" | "contact" | "account", string[]> = {
  opportunity: ["name", "stage", "amount", "closeDate"],
  contact: ["firstName", "lastName", "email"],
  account: ["name"],
};

export interface KindEvidence {
  kind: "opportunity" | "contact" | "account";
  /** How many of the kind's fields the headers name. */
  score: number;
  /** Each matched field and the header that names it. */
  matched: ColumnMap;
}

/**
 * Which records a file holds, from the fields its headers name in any system's labels: the kind whose fields
 * are named most (at least two, one of them naming the kind), or null when none is clear.
 */
export function kindFromHeaders(headers: string[]): KindEvidence | null {
  const scored = (["opportunity", "contact", "account"] as const).map((kind) => {
    const matched = suggestColumns(kind, headers);
    const names = NAMING[kind].some((field) => matched[field]);
    return { kind, score: names ? Object.keys(matched).length : 0, matched };
  });
  const [best, second] = scored.sort((a, b) => b.score - a.score);
  if (!best || best.score < 2 || best.score === second?.score) return null;
  return best;
}
