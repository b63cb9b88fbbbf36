/**
 * One CSV row → one Confidant record (account, stakeholder, decision, contact role), or the reasons it cannot
 * be one. Pure: the caller reads the file and writes the database.
 */

import { OUTCOMES, type Outcome, STAKEHOLDER_ROLES, type StakeholderRole } from "../decision/model.ts";
import { type ColumnMap, DATE_FIELDS, type ImportKind } from "./fields.ts";
import { outcomeOf } from "./outcome.ts";
import { type DateOrder, parseAmount, parseDate } from "./values.ts";

/** The API's limits, so an imported record is one the app could have saved. */
const MAX_NAME = 200;
const MAX_TEXT = 10_000;
const MAX_MINOR = 100_000_000_000_000;

export interface ImportIssue {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
  severity: "error" | "warning";
}

/** How a row names its account: by the source system's id or by name. */
/** Which account a record belongs to: by the source's id (and the name it gives beside it, if any) or by name. */
export type AccountRef = { by: "id" | "name"; value: string; name?: string } | null;

/** A person a deal names (HubSpot's associated contacts, Pipedrive's contact person): by id, or by name or email. */
export interface PersonRef {
  by: "id" | "name";
  value: string;
  /** The file's column it came from, for row issues about it. */
  column: string;
}

export interface AccountRecord {
  kind: "account";
  sourceId: string;
  name: string;
  industry: string | null;
  size: string | null;
  website: string | null;
  notes: string | null;
}

export interface ContactRecord {
  kind: "contact";
  sourceId: string;
  account: AccountRef;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
}

export interface OpportunityRecord {
  kind: "opportunity";
  sourceId: string;
  account: AccountRef;
  title: string;
  valueAmount: number | null;
  currency: string | null;
  targetDate: string | null;
  outcome: Outcome;
  outcomeReason: string | null;
  outcomeDate: string | null;
  /** When the deal was opened at the source (created, engaged), for cycle times. */
  openedDate: string | null;
  /** The product list's price for its product, when an import names one: a close below it is a discount. */
  listAmount: number | null;
  sourceStage: string | null;
  /** Whether the stage was understood (an ending, or a stage every pipeline has before it); listed if not. */
  stageKnown: boolean;
  owner: string | null;
  productLine: string | null;
  notes: string | null;
  people: PersonRef[];
}

export interface ContactRoleRecord {
  kind: "contact_role";
  sourceId: string;
  opportunityId: string;
  contactId: string;
  role: StakeholderRole;
  sourceRole: string | null;
}

export interface ProductRecord {
  kind: "product";
  name: string;
  /** The list price in minor units, when the product list has one. */
  price: number | null;
}

export type ImportRecord =
  | AccountRecord
  | ContactRecord
  | OpportunityRecord
  | ContactRoleRecord
  | ProductRecord;

export interface RowContext {
  row: number;
  columns: ColumnMap;
  /** Values for fields no column gives, e.g. every row of a closed-deals file is "Won". */
  constants?: Partial<Record<string, string>>;
  dateOrders: Partial<Record<string, DateOrder>>;
  /** The status column holds Confidant's own outcome (its export), taken as written. */
  exactOutcome?: boolean;
}

/** Reads fields of one row, collecting what is wrong with it as it goes. */
class RowReader {
  readonly issues: ImportIssue[] = [];
  constructor(
    private readonly get: (column: string) => string | undefined,
    private readonly context: RowContext,
  ) {}

  get exactOutcome() {
    return this.context.exactOutcome === true;
  }

  column(field: string) {
    return this.context.columns[field] ?? null;
  }

  raw(field: string): string {
    const column = this.column(field);
    const value = (column === null ? undefined : this.get(column)) ?? this.context.constants?.[field] ?? "";
    // A cell an exporter neutralized against formulas ('=…) reads back as it was written.
    return (/^'[=+\-@]/.test(value) ? value.slice(1) : value).trim();
  }

  text(field: string, max = MAX_NAME): string | null {
    const value = this.raw(field);
    if (!value) return null;
    if (value.length > max) {
      this.error(field, value, `is longer than ${max.toLocaleString("en")} characters`);
      return null;
    }
    return value;
  }

  date(field: string): string | null {
    const value = this.raw(field);
    if (!value) return null;
    const parsed = parseDate(value, this.context.dateOrders[field] ?? "YMD");
    if ("error" in parsed) {
      this.error(field, value, parsed.error);
      return null;
    }
    return parsed.date;
  }

  error(field: string | null, value: string | null, message: string) {
    this.issue("error", field, value, message);
  }

  warn(field: string | null, value: string | null, message: string) {
    this.issue("warning", field, value, message);
  }

  private issue(
    severity: ImportIssue["severity"],
    field: string | null,
    value: string | null,
    message: string,
  ) {
    this.issues.push({
      row: this.context.row,
      column: field === null ? null : (this.column(field) ?? field),
      value: value === null ? null : value.slice(0, 200),
      message,
      severity,
    });
  }
}

export interface RowResult {
  record: ImportRecord | null;
  issues: ImportIssue[];
  /** A row the source marks deleted: not imported, not an error. */
  skipped?: string;
}

/** A probability column's value in percent ("100", "100%", "100.0"); null when it holds no number. */
function percentOf(value: string) {
  const n = Number(value.replace(/\s*%$/, "").replace(",", "."));
  return value && Number.isFinite(n) ? n : null;
}

/** Reads one row of the given kind. A row with an error gives no record; warnings still give one. */
export function readRow(
  kind: ImportKind,
  get: (column: string) => string | undefined,
  context: RowContext,
): RowResult {
  const reader = new RowReader(get, context);
  if (/^(true|1|yes)$/i.test(reader.raw("deleted")))
    return { record: null, issues: [], skipped: "marked deleted in the source" };
  const record = READERS[kind](reader);
  const failed = reader.issues.some((issue) => issue.severity === "error");
  return { record: failed ? null : record, issues: reader.issues };
}

const READERS: Record<ImportKind, (reader: RowReader) => ImportRecord | null> = {
  account(r) {
    const name = r.text("name");
    if (!name) r.error("name", null, "an account needs a name");
    return {
      kind: "account",
      sourceId: r.text("id") ?? nameKey(name ?? ""),
      name: name ?? "",
      industry: r.text("industry"),
      size: r.text("size"),
      website: r.text("website"),
      notes: notes(r, [["description", null]]),
    };
  },
  contact(r) {
    const first = r.text("firstName");
    const last = r.text("lastName");
    const email = r.text("email");
    const name = r.text("name") ?? ([first, last].filter(Boolean).join(" ") || email);
    const account = accountRef(r);
    // A report of accounts with their contacts lists accounts that have none on a row of their own.
    if (!name && account?.by === "name")
      return {
        kind: "account",
        sourceId: nameKey(account.value),
        name: account.value,
        industry: null,
        size: null,
        website: null,
        notes: null,
      };
    if (!name) r.error("name", null, "a contact needs a name or an email");
    if (email && !/^[^@\s]+@[^@\s]+$/.test(email))
      r.warn("email", email, "does not look like an email address");
    if (!account) r.warn("accountName", null, "no account given: filed under “No account given”");
    return {
      kind: "contact",
      sourceId: r.text("id") ?? (email ? `email:${email.toLowerCase()}` : nameKey(name ?? "", account)),
      account,
      name: name ?? "",
      title: r.text("title"),
      email,
      phone: r.text("phone"),
      notes: notes(r, [["description", null]]),
    };
  },
  opportunity(r) {
    const account = accountRef(r);
    // Exports without a name column (Maven's) still say what was bought and by whom.
    const title =
      r.text("name") ??
      ([r.raw("accountName"), r.raw("product")].filter(Boolean).join(" — ").slice(0, MAX_NAME) ||
        r.text("id"));
    if (!title) r.error("name", null, "an opportunity needs a name");
    if (!account) r.warn("accountName", null, "no account given: filed under “No account given”");
    const { valueAmount, currency } = amountOf(r);
    const stage = r.text("stage");
    const status = r.text("status");
    const lossReason = r.text("lossReason", MAX_TEXT) ?? r.text("statusReason", MAX_TEXT);
    const { outcome, known } =
      r.exactOutcome && OUTCOMES.includes(status as Outcome)
        ? { outcome: status as Outcome, known: true }
        : outcomeOf({ stage, status, reason: lossReason, probability: percentOf(r.raw("probability")) });
    return {
      kind: "opportunity",
      sourceId: r.text("id") ?? nameKey(title ?? "", account),
      account,
      title: title ?? "",
      valueAmount,
      currency,
      targetDate: r.date("closeDate"),
      outcome,
      outcomeReason: outcome === "open" ? null : lossReason,
      outcomeDate: outcome === "open" ? null : r.date("outcomeDate"),
      openedDate: r.date("openedDate"),
      listAmount: null,
      sourceStage: stage ?? status,
      stageKnown: known,
      owner: r.text("ownerEmail") ?? r.text("owner"),
      productLine: r.text("product"),
      notes: notes(r, [
        ["description", null],
        ["nextStep", "Next step"],
        ...(outcome === "open" ? ([["lossReason", "Loss reason"]] as const) : []),
      ]),
      people: [...personRefs(r, "contactIds", "id"), ...personRefs(r, "contactNames", "name")],
    };
  },
  contact_role(r) {
    const opportunityId = r.text("opportunityId");
    const contactId = r.text("contactId");
    if (!opportunityId) r.error("opportunityId", null, "a contact role needs the opportunity's id");
    if (!contactId) r.error("contactId", null, "a contact role needs the contact's id");
    const sourceRole = r.text("role");
    return {
      kind: "contact_role",
      sourceId: r.text("id") ?? `${opportunityId}:${contactId}`,
      opportunityId: opportunityId ?? "",
      contactId: contactId ?? "",
      role: stakeholderRole(sourceRole),
      sourceRole,
    };
  },
  product(r) {
    const name = r.text("name");
    const price = parseAmount(r.raw("price"));
    return name
      ? { kind: "product", name, price: price && price.value >= 0 ? Math.round(price.value * 100) : null }
      : null;
  },
  team: () => null,
};

const MAX_PEOPLE = 50;

/** CRMs list a deal's several contacts in one cell, separated by semicolons. */
function personRefs(r: RowReader, field: string, by: PersonRef["by"]): PersonRef[] {
  const cell = r.raw(field);
  const values = [
    ...new Set(
      cell
        .split(";")
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  if (values.length > MAX_PEOPLE)
    r.warn(field, cell, `names more than ${MAX_PEOPLE} people: the first ${MAX_PEOPLE} are added`);
  const column = r.column(field) ?? field;
  return values.slice(0, MAX_PEOPLE).map((value) => ({ by, value: value.slice(0, MAX_NAME), column }));
}

function accountRef(r: RowReader): AccountRef {
  const id = r.text("accountId");
  const name = r.text("accountName");
  if (id) return name ? { by: "id", value: id, name } : { by: "id", value: id };
  return name ? { by: "name", value: name } : null;
}

/** Without an id column a record is known by its name (and account), so re-importing still updates it. */
function nameKey(name: string, account: AccountRef = null) {
  const key = `name:${name.toLowerCase()}`;
  return account ? `${key}|${account.by}:${account.value.toLowerCase()}` : key;
}

function amountOf(r: RowReader) {
  const raw = r.raw("amount");
  const currencyRaw = r.raw("currency").toUpperCase();
  let currency = currencyRaw || null;
  let valueAmount: number | null = null;
  if (raw) {
    const amount = parseAmount(raw);
    if (!amount) r.error("amount", raw, "is not an amount");
    else if (amount.value < 0) r.error("amount", raw, "must not be negative");
    else if (Math.round(amount.value * 100) > MAX_MINOR) r.error("amount", raw, "is not a plausible amount");
    else {
      valueAmount = Math.round(amount.value * 100);
      currency ??= amount.currency;
    }
  }
  if (currency && !/^[A-Z]{3}$/.test(currency)) {
    r.error("currency", currencyRaw, "is not a three-letter currency code such as USD or EUR");
    currency = null;
  }
  return { valueAmount, currency };
}

/** Descriptions, next steps and the like are kept as the record's notes, labelled, never dropped. */
function notes(r: RowReader, fields: ReadonlyArray<readonly [string, string | null]>) {
  const parts = fields
    .map(([field, label]) => [r.raw(field), label] as const)
    .filter(([value]) => value)
    .map(([value, label]) => (label ? `${label}: ${value}` : value));
  const text = parts.join("\n\n");
  if (text.length > MAX_TEXT) {
    r.warn(fields[0]![0], null, `notes cut to ${MAX_TEXT.toLocaleString("en")} characters`);
    return text.slice(0, MAX_TEXT);
  }
  return text || null;
}

const ROLE_WORDS: Array<[RegExp, StakeholderRole]> = [
  [/economic|decision maker|executive sponsor|budget/i, "economic_buyer"],
  [/champion|sponsor/i, "champion"],
  [/technical|evaluator|it\b/i, "technical_evaluator"],
  [/business user|\buser\b/i, "user"],
  [/financ|cfo/i, "finance"],
  [/legal/i, "legal"],
  [/procure|purchas/i, "procurement"],
  [/influenc/i, "influencer"],
  [/block/i, "blocker"],
];

/** A CRM's contact role in Confidant's words; what the CRM called it is kept beside it. */
export function stakeholderRole(sourceRole: string | null): StakeholderRole {
  if (!sourceRole) return "other";
  const exact = STAKEHOLDER_ROLES.find((role) => role === sourceRole.toLowerCase().replace(/\s+/g, "_"));
  return exact ?? ROLE_WORDS.find(([pattern]) => pattern.test(sourceRole))?.[1] ?? "other";
}

/** Fields whose column order of day and month must be known before rows are read. */
export function dateColumns(columns: ColumnMap) {
  return Object.entries(columns)
    .filter(([field, column]) => DATE_FIELDS.has(field) && column)
    .map(([field, column]) => ({ field, column: column! }));
}
