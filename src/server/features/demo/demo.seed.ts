import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { generatePassword } from "../auth/passwords.ts";
import { createMember } from "../members/members.service.ts";
import { createTeam } from "../teams/teams.service.ts";
import { createWorkspace, demoWorkspace } from "../workspaces/workspaces.service.ts";
import { seedDemoConversations } from "./demo.conversations.ts";
import { seedDemoDecisions } from "./demo.decisions.ts";
import { seedDemoHistory } from "./demo.history.ts";
import { seedDemoReviews } from "./demo.reviews.ts";
import { seedDemoRooms } from "./demo.room.ts";

export const DEMO_WORKSPACE = "Northwind Demo";

const people = [
  { name: "Maya Chen", email: "maya.chen@northwind.example", role: "admin" },
  { name: "Daniel Okafor", email: "daniel.okafor@northwind.example", role: "manager" },
  { name: "Priya Raman", email: "priya.raman@northwind.example", role: "seller" },
  { name: "Tom Becker", email: "tom.becker@northwind.example", role: "seller" },
] as const;

/** Creates the demo workspace once; members enter it with one click, so their passwords are never shown. */
export async function ensureDemoWorkspace(db: Kysely<Database>) {
  const existing = await demoWorkspace(db);
  if (existing) return existing;
  const workspace = await createWorkspace(db, DEMO_WORKSPACE, { isDemo: true, via: "demo" });
  const actor = { workspaceId: workspace.id, memberId: null, via: "demo" };
  const leaders: Record<string, string> = {};
  for (const person of people.filter((p) => p.role !== "seller")) {
    leaders[person.role] = (
      await createMember(db, actor, { ...person, password: generatePassword() })
    ).member.id;
  }
  const team = await createTeam(db, actor, { name: "Enterprise East", managerId: leaders.manager ?? null });
  const members: Parameters<typeof seedDemoDecisions>[2] = [
    { id: leaders.admin!, name: "Maya Chen", role: "admin", teamId: null },
    { id: leaders.manager!, name: "Daniel Okafor", role: "manager", teamId: null },
  ];
  for (const person of people.filter((p) => p.role === "seller")) {
    const { member } = await createMember(db, actor, {
      ...person,
      teamId: team.id,
      password: generatePassword(),
    });
    members.push({ id: member.id, name: member.name, role: "seller", teamId: team.id });
  }
  const decisions = await seedDemoDecisions(db, workspace.id, members);
  await seedDemoHistory(
    db,
    workspace.id,
    members.filter((m) => m.role === "seller").map((m) => m.name),
  );
  const priya = members.find((m) => m.name === "Priya Raman")!;
  await seedDemoRooms(
    db,
    {
      workspaceId: workspace.id,
      memberId: priya.id,
      role: "seller",
      teamId: priya.teamId,
      via: "demo",
    },
    decisions,
  );
  const sellers = members.filter((m) => m.role === "seller");
  await seedDemoConversations(
    db,
    new Map(
      sellers.map((m) => [
        m.name,
        {
          workspaceId: workspace.id,
          memberId: m.id,
          role: m.role,
          teamId: m.teamId,
          via: "demo",
        },
      ]),
    ),
    decisions,
  );
  const manager = members.find((m) => m.role === "manager")!;
  await seedDemoReviews(
    db,
    {
      workspaceId: workspace.id,
      memberId: manager.id,
      role: "manager",
      teamId: null,
      via: "demo",
    },
    decisions,
    new Map(members.map((m) => [m.name, m.id])),
  );
  return workspace;
}
