import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../src/server/db/schema.ts";
import { startSession } from "../src/server/features/auth/auth.service.ts";
import { SESSION_COOKIE } from "../src/server/features/auth/session-token.ts";
import { createMember } from "../src/server/features/members/members.service.ts";
import { createTeam } from "../src/server/features/teams/teams.service.ts";
import { createWorkspace } from "../src/server/features/workspaces/workspaces.service.ts";
import { type Client, client } from "./app.ts";

export const PASSWORD = "test-password-123";

/**
 * A workspace with an admin, a manager leading a team of one seller, and a second seller outside the team,
 * each already signed in.
 */
export async function buildWorkspace(app: FastifyInstance, db: Kysely<Database>, name: string) {
  const workspace = await createWorkspace(db, name, { via: "test" });
  const actor = { workspaceId: workspace.id, memberId: null, via: "test" };
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const make = async (role: "admin" | "manager" | "seller", who: string, teamId?: string) =>
    (
      await createMember(db, actor, {
        email: `${who}@${slug}.test`,
        name: `${who} of ${name}`,
        role,
        password: PASSWORD,
        ...(teamId ? { teamId } : {}),
      })
    ).member;
  const admin = await make("admin", "admin");
  const manager = await make("manager", "manager");
  const team = await createTeam(db, actor, { name: `${name} team`, managerId: manager.id });
  const seller = await make("seller", "seller", team.id);
  const outsider = await make("seller", "outsider");
  // Sessions made directly: sign-in itself has its own tests, and its per-address limit would count these.
  const signedIn = async (member: { id: string }) => {
    const { token } = await startSession(db, { id: member.id, workspaceId: workspace.id }, 1, new Date());
    return client(app, `${SESSION_COOKIE}=${token}`);
  };
  const as: Record<"admin" | "manager" | "seller" | "outsider", Client> = {
    admin: await signedIn(admin),
    manager: await signedIn(manager),
    seller: await signedIn(seller),
    outsider: await signedIn(outsider),
  };
  return { workspace, admin, manager, seller, outsider, team, as };
}
export type TestWorkspace = Awaited<ReturnType<typeof buildWorkspace>>;

/** An account with two stakeholders, created through the API as the given member. */
export async function buildAccount(as: Client, name = "Contoso Manufacturing") {
  const account = (await as.post("/api/v1/accounts", { name, industry: "Manufacturing" })).body;
  const cfo = (
    await as.post("/api/v1/stakeholders", { accountId: account.id, name: "Dana Lee", title: "CFO" })
  ).body;
  const controller = (
    await as.post("/api/v1/stakeholders", { accountId: account.id, name: "Sam Ortiz", title: "Controller" })
  ).body;
  return { account, cfo, controller };
}
