import type { Kysely } from "kysely";
import type { Outcome } from "../../../domain/decision/model.ts";
import type { SourceFormat } from "../../../domain/import/detect.ts";
import { ownerMatcher } from "../../../domain/import/lookups.ts";
import { personFinder, personKey } from "../../../domain/import/people.ts";
import type {
  AccountRecord,
  AccountRef,
  ContactRecord,
  ContactRoleRecord,
  ImportIssue,
  OpportunityRecord,
} from "../../../domain/import/record.ts";
import { SIGNALS_VERSION, signalsOf } from "../../../domain/insights/signals.ts";
import type { QuestionLibrary } from "../../../domain/readiness/questions.ts";
import { readinessOf } from "../../../domain/readiness/readiness.ts";
import { type ChangeEntry, logChanges } from "../../db/bulk.ts";
import type { Database } from "../../db/schema.ts";
import { blankParts } from "../decisions/decisions.service.ts";
import { refreshDerivedOf } from "../decisions/readiness.service.ts";
import { assignableMembers } from "../members/members.service.ts";
import { questionLibrary } from "../questions/questions.service.ts";
import {
  bySourceId,
  involvementsOf,
  knownAccounts,
  knownPeople,
  type Prepared,
  type UpsertResult,
  upsertBySource,
} from "./upsert.repo.ts";

export interface Counts {
  created: number;
  updated: number;
  skipped: number;
  errors: number;
  warnings: number;
}

export interface Located<T> {
  row: number;
  record: T;
}

/** Salesforce's report exports and API exports describe the same records. */
const sourceSystemOf = (format: SourceFormat) => (format === "salesforce_report" ? "salesforce" : format);

const NO_ACCOUNT_ID = "__no_account__";

/**
 * Writes (or, in a dry run, only counts) batches of imported records for one workspace: accounts named by id
 * or by name are found or created, owners are matched to members, each decision's readiness is computed, and
 * every change goes to the change log marked with the import.
 */
export class ImportWriter {
  readonly unknownOwners = new Map<string, number>();
  /** Stages not understood (imported as open), with how many decisions each. */
  readonly unknownStages = new Map<string, number>();
  private accountIds = new Map<string, string>();
  private readonly blank = blankParts();
  private readonly blankColumns = Object.fromEntries(
    Object.entries(this.blank.columns).map(([column, json]) => [column, { type: "jsonb", value: json }]),
  );
  private readonly derivedMemo = new Map<string, Record<string, unknown>>();
  /** Source ids of the decisions and people this run writes (or, in a dry run, would write). */
  private readonly planned = { decision: new Set<string>(), stakeholder: new Set<string>() };

  private constructor(
    private readonly actor: { workspaceId: string; memberId: string | null; via: string },
    private readonly write: boolean,
    private readonly matchOwner: (owner: string | null) => string | null,
    private readonly fallbackOwner: string,
    private readonly library: QuestionLibrary,
  ) {}

  static async open(
    db: Kysely<Database>,
    actor: { workspaceId: string; memberId: string | null; via: string },
    options: { write: boolean; owners?: Record<string, string> | undefined },
  ) {
    const members = await assignableMembers(db, actor.workspaceId);
    const fallback = actor.memberId ?? members.find((m) => m.role === "admin")?.id ?? members[0]?.id;
    if (!fallback) throw new Error("the workspace has no member to own imported decisions");
    return new ImportWriter(
      actor,
      options.write,
      ownerMatcher(members, options.owners),
      fallback,
      await questionLibrary(db, actor.workspaceId),
    );
  }

  private async finish(
    db: Kysely<Database>,
    result: UpsertResult,
    counts: Counts,
    extra: ChangeEntry[] = [],
  ) {
    counts.created += result.created.length;
    counts.updated += result.updated.length + result.unchanged;
    if (this.write) await logChanges(db, this.actor, [...result.changes, ...extra]);
  }

  async accounts(
    db: Kysely<Database>,
    format: SourceFormat,
    items: Located<AccountRecord>[],
    counts: Counts,
  ) {
    const system = sourceSystemOf(format);
    const prepared = items.map(({ row, record }) => ({
      row,
      sourceId: record.sourceId,
      values: {
        name: record.name,
        industry: record.industry,
        size: record.size,
        website: record.website,
        notes: record.notes,
      },
    }));
    const result = await upsertBySource(db, this.actor.workspaceId, system, ACCOUNT, prepared, this.write);
    for (const { id, item } of [...result.created, ...result.updated]) this.rememberAccount(system, item, id);
    await this.finish(db, result, counts);
  }

  private rememberAccount(system: string, item: Prepared, id: string) {
    this.accountIds.set(`${system}|id:${item.sourceId}`, id);
    this.accountIds.set(`name:${String(item.values.name).toLowerCase()}`, id);
  }

  /**
   * The account each row names, found by source id or by name (in any source), or created: a stub for an id
   * the import has not seen (with a warning), an account for a new name, and "No account given" for none.
   */
  private async resolveAccounts(
    db: Kysely<Database>,
    system: string,
    rows: Array<{ row: number; ref: AccountRef }>,
    issues: ImportIssue[],
  ) {
    const keyOf = (ref: AccountRef) =>
      ref === null
        ? `${system}|id:${NO_ACCOUNT_ID}`
        : ref.by === "id"
          ? `${system}|id:${ref.value}`
          : `name:${ref.value.toLowerCase()}`;
    const missing = new Map<string, { row: number; ref: AccountRef }>();
    for (const entry of rows)
      if (!this.accountIds.has(keyOf(entry.ref))) missing.set(keyOf(entry.ref), entry);
    if (missing.size) {
      const ids = [...missing.values()]
        .filter((m) => m.ref?.by !== "name")
        .map((m) => m.ref?.value ?? NO_ACCOUNT_ID);
      const names = [...missing.values()]
        .filter((m) => m.ref?.by === "name")
        .map((m) => m.ref!.value.toLowerCase());
      const found = await knownAccounts(db, this.actor.workspaceId, system, ids, names);
      for (const account of found) {
        if (account.source_system === system && account.source_id !== null)
          this.accountIds.set(`${system}|id:${account.source_id}`, account.id);
        const nameKey = `name:${account.name.toLowerCase()}`;
        if (!this.accountIds.has(nameKey)) this.accountIds.set(nameKey, account.id);
      }
      const stubs: Prepared[] = [];
      for (const [key, { row, ref }] of missing) {
        if (this.accountIds.has(key)) continue;
        if (ref?.by === "id" && !ref.name)
          issues.push({
            row,
            column: null,
            value: ref.value,
            message: `account ${ref.value} is not in this import or an earlier one: created an account named by its id`,
            severity: "warning",
          });
        const name =
          ref === null
            ? "No account given"
            : ref.by === "id"
              ? (ref.name ?? `Account ${ref.value}`)
              : ref.value;
        const sourceId =
          ref === null ? NO_ACCOUNT_ID : ref.by === "id" ? ref.value : `name:${ref.value.toLowerCase()}`;
        const item = {
          row,
          sourceId,
          values: { name, industry: null, size: null, website: null, notes: null },
        };
        stubs.push(item);
        this.accountIds.set(key, "pending");
      }
      const result = await upsertBySource(db, this.actor.workspaceId, system, ACCOUNT, stubs, this.write);
      for (const { id, item } of [...result.created, ...result.updated]) {
        this.accountIds.set(
          item.sourceId.startsWith("name:")
            ? `name:${String(item.values.name).toLowerCase()}`
            : `${system}|id:${item.sourceId}`,
          id,
        );
      }
      if (this.write) await logChanges(db, this.actor, result.changes);
    }
    return (ref: AccountRef) => this.accountIds.get(keyOf(ref)) ?? "pending";
  }

  /** The accounts the rows name (contacts and deals both name one), found or reported row by row. */
  private async accountsNamed(
    db: Kysely<Database>,
    format: SourceFormat,
    items: Located<{ account: AccountRef }>[],
    issues: ImportIssue[],
  ) {
    const system = sourceSystemOf(format);
    const accountOf = await this.resolveAccounts(
      db,
      system,
      items.map((i) => ({ row: i.row, ref: i.record.account })),
      issues,
    );
    return { system, accountOf };
  }

  async contacts(
    db: Kysely<Database>,
    format: SourceFormat,
    items: Located<ContactRecord>[],
    counts: Counts,
    issues: ImportIssue[],
  ) {
    const { system, accountOf } = await this.accountsNamed(db, format, items, issues);
    const prepared = items.map(({ row, record }) => ({
      row,
      sourceId: record.sourceId,
      values: {
        account_id: accountOf(record.account),
        name: record.name,
        title: record.title,
        email: record.email,
        phone: record.phone,
        notes: record.notes,
      },
    }));
    const result = await upsertBySource(
      db,
      this.actor.workspaceId,
      system,
      STAKEHOLDER,
      prepared,
      this.write,
    );
    for (const item of prepared) this.planned.stakeholder.add(item.sourceId);
    await this.finish(db, result, counts);
  }

  async opportunities(
    db: Kysely<Database>,
    format: SourceFormat,
    items: Located<OpportunityRecord>[],
    counts: Counts,
    issues: ImportIssue[],
    currency: string,
  ) {
    const { system, accountOf } = await this.accountsNamed(db, format, items, issues);
    const today = new Date().toISOString().slice(0, 10);
    const prepared = items.map(({ row, record }) => {
      const owner = this.matchOwner(record.owner);
      if (record.owner && !owner)
        this.unknownOwners.set(record.owner, (this.unknownOwners.get(record.owner) ?? 0) + 1);
      if (!record.stageKnown && record.sourceStage)
        this.unknownStages.set(record.sourceStage, (this.unknownStages.get(record.sourceStage) ?? 0) + 1);
      const decided = record.outcome !== "open";
      return {
        row,
        sourceId: record.sourceId,
        values: {
          account_id: accountOf(record.account),
          owner_id: owner,
          source_owner: owner ? null : record.owner,
          title: record.title,
          value_amount: record.valueAmount,
          currency: record.currency ?? currency,
          target_date: record.targetDate,
          outcome: record.outcome,
          outcome_reason: record.outcomeReason,
          outcome_date: decided ? earliest(record.outcomeDate ?? record.targetDate, today) : null,
          source_stage: record.sourceStage,
          product_line: record.productLine,
          opened_on: record.openedDate,
          list_amount: record.listAmount,
          notes: record.notes,
        },
      };
    });
    const result = await upsertBySource(
      db,
      this.actor.workspaceId,
      system,
      {
        ...DECISION,
        merge: (values, stored) => {
          // An owner the file does not match keeps the decision with whoever owns it now.
          values.owner_id ??= stored.owner_id;
          if (values.outcome !== "open" && stored.outcome === values.outcome && !values.target_date)
            values.outcome_date = stored.outcome_date;
        },
        createExtras: (values) => {
          values.owner_id ??= this.fallbackOwner;
          return this.derived(values.target_date as string | null, values.outcome as Outcome);
        },
        createConstants: this.blankColumns,
      },
      prepared,
      this.write,
    );
    for (const item of prepared) this.planned.decision.add(item.sourceId);
    if (this.write) {
      await refreshDerivedOf(
        db,
        this.actor.workspaceId,
        result.updated
          .filter(({ changed }) => changed.some((c) => c === "target_date" || c === "outcome"))
          .map(({ id }) => id),
      );
      // Contacts come before deals in an import, so the people a deal names are there to find.
      const named = items.flatMap((item, i) =>
        item.record.people.length
          ? [
              {
                ...item,
                decisionId: result.ids.get(item.record.sourceId)!,
                accountId: prepared[i]!.values.account_id,
              },
            ]
          : [],
      );
      await this.linkPeople(db, system, named, issues);
    }
    await this.finish(db, result, counts);
  }

  /** Readiness of a decision with nothing but its import: the same for every such decision with the same date and outcome. */
  private derived(targetDate: string | null, outcome: Outcome) {
    const key = `${targetDate}|${outcome}`;
    let derived = this.derivedMemo.get(key);
    if (!derived) {
      const facts = { title: "", targetDate, ...this.blank.parts, outcome, involvements: [], concerns: [] };
      const readiness = readinessOf(facts, new Date(), this.library);
      derived = {
        readiness: readiness.overall,
        milestone: readiness.milestone,
        weakest_dimension: readiness.weakest,
        cost_of_waiting_monthly: readiness.costOfWaiting.perMonth,
        signals: signalsOf(facts, readiness),
        derived_version: SIGNALS_VERSION,
      };
      this.derivedMemo.set(key, derived);
    }
    return derived;
  }

  async contactRoles(
    db: Kysely<Database>,
    format: SourceFormat,
    items: Located<ContactRoleRecord>[],
    counts: Counts,
    issues: ImportIssue[],
  ) {
    const system = sourceSystemOf(format);
    const lookup = async (table: "decision" | "stakeholder", ids: string[]) => {
      const rows = await bySourceId(db, this.actor.workspaceId, table, system, ids);
      return new Map(rows.map((r) => [r.source_id, r]));
    };
    const decisions = await lookup(
      "decision",
      items.map((i) => i.record.opportunityId),
    );
    const people = await lookup(
      "stakeholder",
      items.map((i) => i.record.contactId),
    );
    const prepared: Prepared[] = [];
    for (const { row, record } of items) {
      const decision = decisions.get(record.opportunityId);
      const person = people.get(record.contactId);
      // A dry run checks what the import checks: ids already imported, or that this run would import.
      const wouldBe = (planned: Set<string>, id: string) => !this.write && planned.has(id);
      const problem =
        !decision && !wouldBe(this.planned.decision, record.opportunityId)
          ? ["OpportunityId", record.opportunityId, "opportunity"]
          : !person && !wouldBe(this.planned.stakeholder, record.contactId)
            ? ["ContactId", record.contactId, "contact"]
            : null;
      if (problem) {
        counts.errors++;
        issues.push({
          row,
          column: problem[0]!,
          value: problem[1]!,
          message: `no imported ${problem[2]} has this id`,
          severity: "error",
        });
        continue;
      }
      if (!this.write) {
        counts.created++;
        continue;
      }
      prepared.push({
        row,
        sourceId: record.sourceId,
        parentId: decision!.id,
        values: {
          decision_id: decision!.id,
          stakeholder_id: person!.id,
          role: record.role,
          source_role: record.sourceRole,
        },
      });
    }
    const result = await this.involve(db, system, prepared, (item) => {
      counts.updated++;
      issues.push({
        row: item.row,
        column: null,
        value: item.sourceId,
        message: "this person is already in the decision; their role there is left as it is",
        severity: "warning",
      });
    });
    await this.finish(db, result, counts);
  }

  /**
   * Involves people in decisions. A person already in the decision (added in Confidant, or by another row)
   * keeps that involvement: `onTaken` hears of each such row instead.
   */
  private async involve(
    db: Kysely<Database>,
    system: string,
    prepared: Prepared[],
    onTaken: (item: Prepared) => void,
  ) {
    const taken = await involvementsOf(
      db,
      this.actor.workspaceId,
      prepared.map((p) => p.parentId!),
    );
    const pairs = new Map(taken.map((r) => [`${r.decision_id}|${r.stakeholder_id}`, r.source_id]));
    const fresh = prepared.filter((item) => {
      const pair = `${item.values.decision_id}|${item.values.stakeholder_id}`;
      const holder = pairs.get(pair);
      if (holder === undefined || holder === item.sourceId) {
        pairs.set(pair, item.sourceId);
        return true;
      }
      onTaken(item);
      return false;
    });
    const result = await upsertBySource(db, this.actor.workspaceId, system, INVOLVEMENT, fresh, this.write);
    // Once per batch, not once per decision: readiness reads every decision's facts in a few statements.
    if (this.write)
      await refreshDerivedOf(
        db,
        this.actor.workspaceId,
        fresh.map((p) => p.parentId!),
      );
    return result;
  }

  /**
   * The people a deal names (no contact-role file needed) join its decision, with no role yet, when an imported
   * contact answers to them: by the CRM's id, or by name or email — in the deal's account first.
   */
  private async linkPeople(
    db: Kysely<Database>,
    system: string,
    items: Array<Located<OpportunityRecord> & { decisionId: string; accountId: string | null }>,
    issues: ImportIssue[],
  ) {
    const refs = items.flatMap((i) => i.record.people);
    if (!refs.length) return;
    const ids = refs.filter((r) => r.by === "id").map((r) => r.value);
    const keys = refs.filter((r) => r.by === "name").map((r) => personKey(r.value));
    const people = await knownPeople(db, this.actor.workspaceId, system, ids, keys);
    const find = personFinder(people);
    const prepared: Prepared[] = [];
    for (const { row, record, decisionId, accountId } of items)
      for (const ref of record.people) {
        const found = find(ref, accountId);
        if ("problem" in found) {
          issues.push({
            row,
            column: ref.column,
            value: ref.value,
            message: found.problem,
            severity: "warning",
          });
          continue;
        }
        prepared.push({
          row,
          sourceId: `${record.sourceId}>${ref.value}`,
          parentId: decisionId,
          values: { decision_id: decisionId, stakeholder_id: found.id, role: "other", source_role: null },
        });
      }
    // The same person named twice (by id and by name) is one involvement; a role set in Confidant stays.
    const result = await this.involve(db, system, prepared, () => {});
    await logChanges(db, this.actor, result.changes);
  }
}

/** A decided outcome's date is never in the future: a deal closed early was decided by today. */
const earliest = (date: string | null, today: string) => (date && date < today ? date : today);

const ACCOUNT = {
  table: "account",
  types: { name: "text", industry: "text", size: "text", website: "text", notes: "text" },
} as const;

const STAKEHOLDER = {
  table: "stakeholder",
  types: { account_id: "uuid", name: "text", title: "text", email: "text", phone: "text", notes: "text" },
} as const;

const DECISION = {
  table: "decision",
  types: {
    account_id: "uuid",
    owner_id: "uuid",
    source_owner: "text",
    title: "text",
    value_amount: "bigint",
    currency: "text",
    target_date: "date",
    outcome: "text",
    outcome_reason: "text",
    outcome_date: "date",
    source_stage: "text",
    product_line: "text",
    opened_on: "date",
    list_amount: "bigint",
    notes: "text",
  },
  createOnly: {
    readiness: "integer",
    milestone: "text",
    weakest_dimension: "text",
    cost_of_waiting_monthly: "bigint",
    signals: "jsonb",
    derived_version: "integer",
  },
} as const;

const INVOLVEMENT = {
  table: "involvement",
  types: { decision_id: "uuid", stakeholder_id: "uuid", role: "text", source_role: "text" },
} as const;
