// The mixed load of `npm run bench -- load` and `-- soak`: sellers going through their day, managers in their
// review hour and buyers in their rooms, all at once, on a workspace the size of a large sales team's years.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../src/server/db/schema.ts";
import { startSession } from "../src/server/features/auth/auth.service.ts";
import { SESSION_COOKIE } from "../src/server/features/auth/session-token.ts";
import { percentile } from "./lib.ts";

export interface LoadWorkspace {
  sellers: { cookie: string; decisionIds: string[] }[];
  managers: { cookie: string; teamId: string }[];
  rooms: { token: string; stepIds: string[] }[];
}

const SELLERS = 20;
const ROOMS = 200;

/**
 * `decisions` decisions over 2,000 accounts and 20 sellers in two teams, each with ten entries in the change log
 * (1,000,000 for 100,000), and 200 of them shared with buyers through a room with a five-step plan. Written by
 * SQL, so seeding is not what is measured.
 */
export async function seedLoadWorkspace(db: Kysely<Database>, decisions: number): Promise<LoadWorkspace> {
  const workspaceId = randomUUID();
  await db.insertInto("workspace").values({ id: workspaceId, name: "Load" }).execute();
  const teams = [randomUUID(), randomUUID()];
  const managers = [randomUUID(), randomUUID()];
  for (const [i, teamId] of teams.entries())
    await db
      .insertInto("team")
      .values({ id: teamId, workspace_id: workspaceId, name: `Team ${i + 1}` })
      .execute();
  const member = (id: string, role: "seller" | "manager", teamId: string, n: string) => ({
    id,
    workspace_id: workspaceId,
    email: `${n}@load.test`,
    name: n,
    role,
    team_id: teamId,
    password_hash: "x",
  });
  await db
    .insertInto("member")
    .values(managers.map((id, i) => member(id, "manager", teams[i]!, `manager${i + 1}`)))
    .execute();
  for (const [i, teamId] of teams.entries())
    await db.updateTable("team").set({ manager_id: managers[i]! }).where("id", "=", teamId).execute();
  const sellerIds = Array.from({ length: SELLERS }, () => randomUUID());
  await db
    .insertInto("member")
    .values(sellerIds.map((id, i) => member(id, "seller", teams[i % 2]!, `seller${i + 1}`)))
    .execute();
  await sql`INSERT INTO account (id, workspace_id, name)
    SELECT gen_random_uuid(), ${workspaceId}::uuid, 'Account ' || g FROM generate_series(1, 2000) g`.execute(
    db,
  );
  await sql`WITH numbered AS (
      SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM account WHERE workspace_id = ${workspaceId}::uuid)
    INSERT INTO decision (id, workspace_id, account_id, owner_id, title, value_amount, currency, target_date,
      problem, impact, outcomes_sought, readiness, milestone)
    SELECT gen_random_uuid(), ${workspaceId}::uuid, numbered.id,
      (${sql.val(sellerIds)}::uuid[])[1 + g % ${SELLERS}], 'Decision ' || g, (g * 7919 % 100000000)::bigint, 'USD',
      current_date + (g % 365),
      jsonb_build_object('statement', 'Month-end close takes ' || (g % 20) || ' days because ledgers are reconciled by hand.'),
      '{"recurringCost": {"amount": 4000000, "period": "month"}}',
      '[{"measure": "Days to close", "current": "12", "target": "5"}]', g % 100, 'problem_agreed'
    FROM generate_series(1, ${decisions}) g JOIN numbered ON numbered.n = g % 2000`.execute(db);
  await sql`INSERT INTO change_log (workspace_id, member_id, entity, entity_id, action, before, after, at)
    SELECT d.workspace_id, d.owner_id, 'decision', d.id, CASE WHEN s = 1 THEN 'create' ELSE 'update' END,
      CASE WHEN s = 1 THEN NULL ELSE jsonb_build_object('notes', 'Call ' || (s - 1)) END,
      jsonb_build_object('notes', 'Call ' || s), now() - (11 - s) * interval '1 day'
    FROM decision d CROSS JOIN generate_series(1, 10) s WHERE d.workspace_id = ${workspaceId}::uuid`.execute(
    db,
  );

  const sellers = [];
  for (const id of sellerIds) {
    const own = await db
      .selectFrom("decision")
      .select("id")
      .where("owner_id", "=", id)
      .orderBy("id")
      .limit(100)
      .execute();
    sellers.push({ cookie: await cookieOf(db, id, workspaceId), decisionIds: own.map((d) => d.id) });
  }
  const managerSessions = [];
  for (const [i, id] of managers.entries())
    managerSessions.push({ cookie: await cookieOf(db, id, workspaceId), teamId: teams[i]! });

  const shared = await db
    .selectFrom("decision")
    .select(["id", "owner_id"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("id")
    .limit(ROOMS)
    .execute();
  const rooms = [];
  for (const decision of shared) {
    const stepIds = Array.from({ length: 5 }, () => randomUUID());
    await db
      .insertInto("plan_step")
      .values(
        stepIds.map((id, s) => ({
          id,
          workspace_id: workspaceId,
          decision_id: decision.id,
          title: `Step ${s + 1}`,
          owner_side: "customer" as const,
          status: "not_started" as const,
          due_date: sql<string>`current_date + ${(s + 1) * 7}::int`,
          first_due_date: sql<string>`current_date + ${(s + 1) * 7}::int`,
          position: s + 1,
        })),
      )
      .execute();
    const token = randomBytes(32).toString("base64url");
    await db
      .insertInto("share_link")
      .values({
        id: randomUUID(),
        workspace_id: workspaceId,
        decision_id: decision.id,
        token_hash: createHash("sha256").update(token).digest("hex"),
        label: "Buyer",
        expires_at: new Date(Date.now() + 30 * 86_400_000),
        created_by: decision.owner_id,
      })
      .execute();
    rooms.push({ token, stepIds });
  }
  await sql`ANALYZE`.execute(db);
  return { sellers, managers: managerSessions, rooms };
}

async function cookieOf(db: Kysely<Database>, id: string, workspaceId: string) {
  const { token } = await startSession(db, { id, workspaceId }, 30, new Date());
  return `${SESSION_COOKIE}=${token}`;
}

interface Step {
  kind: string;
  method: "GET" | "POST" | "PATCH";
  path: string;
  cookie?: string;
  body?: unknown;
}

/** One user's next few requests; `read` lets a step use what an earlier answer said. */
type Script = (round: number) => AsyncGenerator<Step, void, unknown>;

function sellerDay(seller: LoadWorkspace["sellers"][number]): Script {
  return async function* (round) {
    const cookie = seller.cookie;
    yield {
      kind: "seller: my decisions",
      method: "GET",
      path: "/api/v1/decisions?owner=me&limit=50",
      cookie,
    };
    const id = seller.decisionIds[round % seller.decisionIds.length]!;
    const decision = (yield {
      kind: "seller: open a decision",
      method: "GET",
      path: `/api/v1/decisions/${id}`,
      cookie,
    }) as { version: number } | undefined;
    if (round % 4 === 0 && decision)
      yield {
        kind: "seller: save notes (versioned write)",
        method: "PATCH",
        path: `/api/v1/decisions/${id}`,
        cookie,
        body: {
          version: decision.version,
          notes: `Call on round ${round}: the CFO wants the cost of waiting.`,
        },
      };
    yield { kind: "seller: history", method: "GET", path: `/api/v1/decisions/${id}/history`, cookie };
  };
}

function managerHour(manager: LoadWorkspace["managers"][number]): Script {
  return async function* (round) {
    const cookie = manager.cookie;
    yield {
      kind: "manager: team's weakest decisions",
      method: "GET",
      path: `/api/v1/decisions?team=${manager.teamId}&sort=readiness&limit=50`,
      cookie,
    };
    yield { kind: "manager: review queue", method: "GET", path: "/api/v1/reviews/queue", cookie };
    if (round % 5 === 0)
      yield {
        kind: "manager: insights",
        method: "GET",
        path: `/api/v1/insights?teamId=${manager.teamId}`,
        cookie,
      };
  };
}

function buyerVisit(room: LoadWorkspace["rooms"][number]): Script {
  return async function* (round) {
    yield { kind: "buyer: open the room", method: "GET", path: `/api/v1/room/${room.token}` };
    if (round % 3 === 0)
      yield {
        kind: "buyer: tick a step",
        method: "POST",
        path: `/api/v1/room/${room.token}/steps/${room.stepIds[round % 5]}/status`,
        body: { status: round % 2 ? "in_progress" : "done", name: "Priya" },
      };
  };
}

/** 12 users at once, each sending its next request as soon as the last is answered: 6 sellers, 2 managers, 4 buyers. */
export function mixOf(workspace: LoadWorkspace): Script[] {
  return [
    ...workspace.sellers.slice(0, 6).map(sellerDay),
    ...workspace.managers.map(managerHour),
    ...[0, 1, 2, 3].map((i) => buyerVisit(workspace.rooms[i * 50]!)),
  ];
}

export interface Sample {
  kind: string;
  ms: number;
  ok: boolean;
  at: number;
}

/** Runs every script in a loop against the servers (round robin per request) until `seconds` have passed. */
export async function runMix(
  servers: string[],
  scripts: Script[],
  seconds: number,
  onSample: (sample: Sample) => void,
) {
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    scripts.map(async (script, user) => {
      // Buyers' rooms, like sellers' decisions, differ per round; the room's counters see one address.
      for (let round = user; performance.now() < until; round++) {
        const steps = script(round);
        let answer: unknown;
        for (let step = await steps.next(); !step.done; step = await steps.next(answer)) {
          const { kind, method, path, cookie, body } = step.value;
          const base = servers[next++ % servers.length]!;
          const started = performance.now();
          const response = await fetch(`${base}${path}`, {
            method,
            headers: {
              ...(cookie ? { cookie } : {}),
              ...(body === undefined ? {} : { "content-type": "application/json" }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          const text = await response.text();
          const ms = performance.now() - started;
          answer = response.ok && text ? JSON.parse(text) : undefined;
          if (!response.ok) console.error(`  ${response.status} ${method} ${path}: ${text.slice(0, 200)}`);
          onSample({ kind, ms, ok: response.ok, at: performance.now() });
        }
      }
    }),
  );
}

/** The same 12 users asking a bare Fastify route, through the same client: the baseline. */
export async function runBare(url: string, seconds: number) {
  const samples: Sample[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 12 }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const response = await fetch(`${url}/api/health`);
        await response.text();
        samples.push({
          kind: "bare",
          ms: performance.now() - started,
          ok: response.ok,
          at: performance.now(),
        });
      }
    }),
  );
  return summarize(samples, seconds);
}

export function summarize(samples: Sample[], seconds: number) {
  const ms = samples.map((s) => s.ms);
  return {
    requests: samples.length,
    rps: Math.round(samples.length / seconds),
    p50: Number(percentile(ms, 50).toFixed(1)),
    p99: Number(percentile(ms, 99).toFixed(1)),
    errors: samples.filter((s) => !s.ok).length,
  };
}
