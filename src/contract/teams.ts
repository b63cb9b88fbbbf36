import { z } from "zod";
import { id, name, timestamp, version } from "./common.ts";

export const team = z.object({
  id,
  name: z.string(),
  managerId: id.nullable(),
  memberIds: z.array(id),
  createdAt: timestamp,
  version,
});

export type Team = z.infer<typeof team>;

export const teamList = z.object({ items: z.array(team) });

export const createTeamBody = z.object({ name, managerId: id.nullable().optional() }).strict();

export const updateTeamBody = z
  .object({ version, name: name.optional(), managerId: id.nullable().optional() })
  .strict();
