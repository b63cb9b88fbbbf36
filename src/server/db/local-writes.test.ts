import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from "kysely";
import { describe, expect, it } from "vitest";
import { writtenBy } from "./local-writes.ts";
import type { Database } from "./schema.ts";

// Statements are only built, never run.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const written = (query: { toOperationNode(): Parameters<typeof writtenBy>[0] }) =>
  writtenBy(query.toOperationNode()).map((w) => ({ ...w, columns: w.columns && [...w.columns] }));

describe("writtenBy", () => {
  it("reads the columns a hand-written UPDATE sets when its SET clause holds no value, else any column", () => {
    const columns = (query: Parameters<typeof written>[0]) => written(query)[0]?.columns;
    expect(
      columns(sql`UPDATE decision d SET readiness = v.readiness, signals = coalesce(v.signals, '{}')
        FROM json_to_recordset(${"[]"}::json) AS v(id uuid) WHERE d.id = v.id`),
    ).toEqual(["readiness", "signals"]);
    expect(
      columns(
        sql`UPDATE share_link SET last_seen_at = (SELECT max(at) FROM visit WHERE x = 1), visit_count = 2`,
      ),
    ).toEqual(["last_seen_at", "visit_count"]);
    expect(
      columns(sql`UPDATE decision SET readiness = ${1}, title = ${"t"} WHERE id = ${"x"}`),
    ).toBeUndefined();
    expect(
      columns(sql`UPDATE decision SET readiness = coalesce(${1}, 0), title = 'x' WHERE id = 1`),
    ).toBeUndefined();
    expect(columns(sql`UPDATE decision SET (readiness, title) = (1, 'x')`)).toBeUndefined();
  });

  it("names the table and the columns an update made with the query builder sets", () => {
    expect(
      written(
        db.updateTable("share_link").set({ last_seen_at: new Date(), visit_count: 2 }).where("id", "=", "x"),
      ),
    ).toEqual([{ table: "share_link", action: "update", columns: ["last_seen_at", "visit_count"] }]);
    expect(written(db.insertInto("member").values({} as never))).toEqual([
      { table: "member", action: "insert" },
    ]);
    expect(written(db.deleteFrom("session as s").where("s.member_id", "=", "x"))).toEqual([
      { table: "session", action: "delete" },
    ]);
  });

  it("reads no write into a query that only reads", () => {
    expect(written(db.selectFrom("decision").selectAll())).toEqual([]);
    expect(written(sql`SELECT * FROM decision FOR UPDATE`)).toEqual([]);
  });

  it("reads the tables hand-written SQL writes, named in its text or as sql.table, any column", () => {
    expect(written(sql`UPDATE decision d SET readiness = ${1} WHERE d.id = ${"x"}`)).toEqual([
      { table: "decision", action: "update", columns: undefined },
    ]);
    expect(written(sql`INSERT INTO ${sql.table("plan_step")} (id) VALUES (${"x"})`)).toEqual([
      { table: "plan_step", action: "insert", columns: undefined },
    ]);
    expect(
      written(
        sql`WITH gone AS (DELETE FROM "concern" WHERE id = ${"x"} RETURNING id) SELECT count(*) FROM gone`,
      ),
    ).toEqual([{ table: "concern", action: "delete", columns: undefined }]);
  });
});
