import type { Kysely } from "kysely";
import type { Database } from "../server/db/schema.ts";
import { CliUsageError } from "./usage-error.ts";

/** The workspace a command works on: the one named, or the only one there is. */
export async function workspaceForCommand(db: Kysely<Database>, name: string | undefined) {
  const workspaces = await db.selectFrom("workspace").select(["id", "name"]).orderBy("created_at").execute();
  if (name !== undefined) {
    const found = workspaces.find((w) => w.name.toLowerCase() === name.trim().toLowerCase());
    if (!found)
      throw new CliUsageError(
        `--workspace: no workspace is named "${name}"${workspaces.length ? ` (there are: ${workspaces.map((w) => w.name).join(", ")})` : ""}`,
      );
    return found;
  }
  if (workspaces.length === 1) return workspaces[0]!;
  if (!workspaces.length)
    throw new CliUsageError(
      "there is no workspace yet: create one with confidant member create --workspace NAME …",
    );
  throw new CliUsageError(
    `there are several workspaces: name one with --workspace (${workspaces.map((w) => w.name).join(", ")})`,
  );
}
