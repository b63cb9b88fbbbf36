// Importing a generated 1,000,000-row opportunity CSV (Salesforce Data Loader shape) into PostgreSQL (with
// BENCH_DATABASE_URL or DATABASE_URL) and into the embedded database: rows/s and peak memory, against
// PostgreSQL's own COPY of the same file into a bare table of text columns, measured in the same run. First,
// 20,000 Pipedrive deals that name a contact person, against the same deals without that column.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type DatabaseHandle, openEmbedded, openPostgres } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrator.ts";
import { PGliteDialect } from "../src/server/db/pglite-dialect.ts";
import type { Database } from "../src/server/db/schema.ts";
import { importFiles } from "../src/server/features/imports/imports.service.ts";
import { freshDir, measured, scratchDatabase, table } from "./lib.ts";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const STAGES = [
  "Prospecting",
  "Needs Analysis",
  "Proposal/Price Quote",
  "Negotiation/Review",
  "Closed Won",
  "Closed Lost",
];
const BARE = `CREATE TABLE bare_copy (id text, name text, account_id text, stage text, amount text, close_date text,
  owner_id text, description text)`;

async function generate(file: string) {
  const out = createWriteStream(file);
  out.write("Id,Name,AccountId,StageName,Amount,CloseDate,OwnerId,Description\n");
  for (let i = 0; i < ROWS; i++) {
    const line = `006B${String(i).padStart(10, "0")},"Opportunity ${i}, ${i % 50} seats",001B${String(i % 5000).padStart(6, "0")},${STAGES[i % 6]},${(i % 997) * 113}.50,2027-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")},owner${i % 20}@bench.test,"Renewal of ${i % 50} seats; champion is the ops lead"\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "close");
}

/** A workspace with an admin and the 20 owners the file names (`prefix` keeps a second one's emails apart). */
async function workspace(db: Kysely<Database>, prefix = "") {
  const workspaceId = randomUUID();
  await db
    .insertInto("workspace")
    .values({ id: workspaceId, name: `Import bench ${workspaceId.slice(0, 8)}` })
    .execute();
  const adminId = randomUUID();
  await db
    .insertInto("member")
    .values([
      {
        id: adminId,
        workspace_id: workspaceId,
        email: `${prefix}admin@bench.test`,
        name: "Admin",
        role: "admin",
        password_hash: "x",
      },
      ...Array.from({ length: 20 }, (_, i) => ({
        id: randomUUID(),
        workspace_id: workspaceId,
        email: `${prefix}owner${i}@bench.test`,
        name: `Owner ${i}`,
        role: "seller" as const,
        password_hash: "x",
      })),
    ])
    .execute();
  return { workspaceId, memberId: adminId };
}

/**
 * The same rows moved by SQL alone from the bare table into `decision` and the change log, with every
 * index and key they have: what the schema itself costs, with no application in the way.
 */
async function schemaFloor(db: Kysely<Database>) {
  const { workspaceId, memberId } = await workspace(db, "floor-");
  await sql`INSERT INTO account (id, workspace_id, name, source_system, source_id)
    SELECT gen_random_uuid(), ${workspaceId}::uuid, 'Account ' || x.account_id, 'floor', x.account_id
    FROM (SELECT DISTINCT account_id FROM bare_copy) x`.execute(db);
  const run = await measured(async () => {
    await sql`INSERT INTO decision (id, workspace_id, account_id, owner_id, title, value_amount, currency, target_date,
        outcome, source_system, source_id, source_stage, notes)
      SELECT gen_random_uuid(), ${workspaceId}::uuid, a.id, ${memberId}::uuid, b.name, (b.amount::numeric * 100)::bigint,
        'USD', b.close_date::date,
        CASE b.stage WHEN 'Closed Won' THEN 'won' WHEN 'Closed Lost' THEN 'lost' ELSE 'open' END,
        'floor', b.id, b.stage, b.description
      FROM bare_copy b JOIN account a ON a.workspace_id = ${workspaceId}::uuid AND a.source_system = 'floor' AND a.source_id = b.account_id`.execute(
      db,
    );
    await sql`INSERT INTO change_log (workspace_id, member_id, via, entity, entity_id, action, after)
      SELECT ${workspaceId}::uuid, NULL, 'floor', 'decision', d.id, 'create', jsonb_build_object('title', d.title, 'source_id', d.source_id)
      FROM decision d WHERE d.workspace_id = ${workspaceId}::uuid`.execute(db);
  });
  return run.seconds;
}

const rate = (seconds: number) => Math.round(ROWS / seconds);
const mb = (value: number) => Math.round(value).toLocaleString("en");

async function benchImport(
  label: string,
  handle: DatabaseHandle,
  file: string,
  copySeconds: number,
  floorSeconds: number,
) {
  const actor = await workspace(handle.db);
  const run = await measured(() => importFiles(handle.db, actor, [file], {}));
  const counts = run.result.counts;
  if (counts.created !== ROWS + 0 || counts.errors)
    throw new Error(`${label}: unexpected counts ${JSON.stringify(counts)}`);
  const decisions = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM decision WHERE workspace_id = ${actor.workspaceId}`.execute(handle.db);
  if (decisions.rows[0]!.n !== ROWS)
    throw new Error(`${label}: ${decisions.rows[0]!.n} decisions, expected ${ROWS}`);
  return [
    {
      what: `${label}: COPY into a bare table (baseline)`,
      seconds: copySeconds.toFixed(1),
      "rows/s": rate(copySeconds).toLocaleString("en"),
      "× COPY": "1.00",
      "peak RSS MB": "",
      "RSS growth MB": "",
    },
    {
      what: `${label}: SQL into decision + change log (schema floor)`,
      seconds: floorSeconds.toFixed(1),
      "rows/s": rate(floorSeconds).toLocaleString("en"),
      "× COPY": (copySeconds / floorSeconds).toFixed(2),
      "peak RSS MB": "",
      "RSS growth MB": "",
    },
    {
      what: `${label}: confidant import`,
      seconds: run.seconds.toFixed(1),
      "rows/s": rate(run.seconds).toLocaleString("en"),
      "× COPY": (copySeconds / run.seconds).toFixed(2),
      "peak RSS MB": mb(run.peakMb),
      "RSS growth MB": mb(run.growthMb),
    },
  ];
}

async function postgres(url: string, file: string) {
  const { target, drop } = await scratchDatabase(url, `confidant_bench_import_${process.pid}`);
  try {
    const client = new pg.Client({ connectionString: target.toString() });
    await client.connect();
    await client.query(BARE);
    const copy = await measured(() =>
      pipeline(
        createReadStream(file),
        client.query(copyFrom("COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)")),
      ),
    );
    await client.end();
    const handle = openPostgres(target.toString());
    try {
      await migrate(handle.db);
      const floor = await schemaFloor(handle.db);
      return await benchImport("PostgreSQL", handle, file, copy.seconds, floor);
    } finally {
      await handle.close();
    }
  } finally {
    await drop();
  }
}

async function embedded(file: string) {
  // COPY needs PGlite's own API (a blob as the file), so the baseline and the floor run in a PGlite of their
  // own, on disk like the import's.
  const copyDir = freshDir("confidant-bench-copy-");
  const bare = await PGlite.create(path.join(copyDir, "pg"));
  const bareDb = new Kysely<Database>({ dialect: new PGliteDialect(bare) });
  await migrate(bareDb);
  await bare.exec(BARE);
  const blob = new Blob([readFileSync(file)]);
  const copy = await measured(() =>
    bare.query("COPY bare_copy FROM '/dev/blob' WITH (FORMAT csv, HEADER true)", [], { blob }),
  );
  const floor = await schemaFloor(bareDb);
  await bareDb.destroy();
  rmSync(copyDir, { recursive: true, force: true });
  const dataDir = freshDir("confidant-bench-import-");
  const handle = await openEmbedded({ dataDir });
  try {
    await migrate(handle.db);
    return await benchImport("embedded", handle, file, copy.seconds, floor);
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const CONTACT_DEALS = Number(process.env.BENCH_IMPORT_CONTACT_DEALS ?? 20_000);

/** Pipedrive exports: people, and deals that name their contact person (or the same deals without the column). */
async function generateContacts(dir: string) {
  const people = path.join(dir, "persons.csv");
  const lines = ["Person - ID,Person - Name,Person - Organization,Person - Email"];
  for (let i = 0; i < CONTACT_DEALS / 4; i++)
    lines.push(`${i},Person ${i},Organization ${i % 1000},person${i}@org${i % 1000}.test`);
  writeFileSync(people, `${lines.join("\n")}\n`);
  const deals = (withContacts: boolean) => {
    const file = path.join(dir, withContacts ? "deals-with-contacts.csv" : "deals.csv");
    const rows = [
      `Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Organization,${withContacts ? "Deal - Contact person," : ""}Deal - Stage,Deal - Status,Deal - Expected close date,Deal - Owner`,
    ];
    for (let i = 0; i < CONTACT_DEALS; i++) {
      const person = (i * 7) % (CONTACT_DEALS / 4);
      rows.push(
        `${i},Deal ${i},${(i % 997) * 10},EUR,Organization ${person % 1000},${withContacts ? `Person ${person},` : ""}Proposal Made,open,2027-0${1 + (i % 9)}-15,Owner ${i % 20}`,
      );
    }
    writeFileSync(file, `${rows.join("\n")}\n`);
    return file;
  };
  return { people, withContacts: deals(true), without: deals(false) };
}

/** Deals imported after their people: with the contact column every deal also involves its person. */
async function benchContacts(
  label: string,
  db: Kysely<Database>,
  files: Awaited<ReturnType<typeof generateContacts>>,
) {
  const rows = [];
  for (const [what, dealsFile] of [
    ["without the contact column (baseline)", files.without],
    ["with a contact person per deal", files.withContacts],
  ] as const) {
    const actor = await workspace(db, `${label}-${rows.length}-`);
    await importFiles(db, actor, [files.people], {});
    const run = await measured(() => importFiles(db, actor, [dealsFile], {}));
    if (run.result.counts.created !== CONTACT_DEALS || run.result.counts.errors)
      throw new Error(`${label}: unexpected counts ${JSON.stringify(run.result.counts)}`);
    rows.push({ what: `${label}: ${CONTACT_DEALS.toLocaleString("en")} Pipedrive deals ${what}`, run });
  }
  const base = rows[0]!.run.seconds;
  return rows.map(({ what, run }) => ({
    what,
    seconds: run.seconds.toFixed(1),
    "rows/s": Math.round(CONTACT_DEALS / run.seconds).toLocaleString("en"),
    "× without contacts": (base / run.seconds).toFixed(2),
    "peak RSS MB": mb(run.peakMb),
  }));
}

async function contactsOnPostgres(url: string, files: Awaited<ReturnType<typeof generateContacts>>) {
  const { target, drop } = await scratchDatabase(url, `confidant_bench_contacts_${process.pid}`);
  const handle = openPostgres(target.toString());
  try {
    await migrate(handle.db);
    return await benchContacts("PostgreSQL", handle.db, files);
  } finally {
    await handle.close();
    await drop();
  }
}

async function contactsEmbedded(files: Awaited<ReturnType<typeof generateContacts>>) {
  const dataDir = freshDir("confidant-bench-contacts-");
  const handle = await openEmbedded({ dataDir });
  try {
    await migrate(handle.db);
    return await benchContacts("embedded", handle.db, files);
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const contactsDir = freshDir("confidant-bench-contacts-csv-");
const contactFiles = await generateContacts(contactsDir);
const contactRows = [];
if (url) contactRows.push(...(await contactsOnPostgres(url, contactFiles)));
if (process.env.BENCH_SKIP_EMBEDDED !== "1") contactRows.push(...(await contactsEmbedded(contactFiles)));
table(contactRows);
rmSync(contactsDir, { recursive: true, force: true });

const file = path.join(freshDir("confidant-bench-csv-"), "opportunities.csv");
await generate(file);
console.log(
  `import: ${ROWS.toLocaleString("en")} opportunities, one file of ${mb(readFileSync(file).length / 1e6)} MB, batches of 2,000 rows`,
);
const rows = [];
if (url) rows.push(...(await postgres(url, file)));
else console.log("PostgreSQL skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to include it.");
if (process.env.BENCH_SKIP_EMBEDDED !== "1") rows.push(...(await embedded(file)));
table(rows);
rmSync(path.dirname(file), { recursive: true, force: true });
