import type { Kysely } from "kysely";
import type { Database } from "../server/db/schema.ts";
import { allWorkspaces } from "../server/features/workspaces/workspaces.service.ts";
import { CliUsageError } from "./usage-error.ts";

const listed = (workspaces: { id: string; name: string }[]) =>
  workspaces.map((w) => `${w.name} (${w.id})`).join(", ");

/**
 * The workspace `--workspace` names, by id or by name; undefined when none matches. Names are not unique on a
 * server (two companies may share one), so a name that several carry asks for the id.
 */
export async function namedWorkspace(db: Kysely<Database>, nameOrId: string) {
  const workspaces = await allWorkspaces(db);
  const wanted = nameOrId.trim().toLowerCase();
  const byId = workspaces.find((w) => w.id === wanted);
  if (byId) return byId;
  const named = workspaces.filter((w) => w.name.toLowerCase() === wanted);
  if (named.length > 1)
    throw new CliUsageError(
      `--workspace: ${named.length} workspaces are named "${nameOrId}"; give the id of the one you mean: ${listed(named)}`,
    );
  return named[0];
}

/** The workspace a command works on: the one named, or the only one there is. */
export async function workspaceForCommand(db: Kysely<Database>, nameOrId: string | undefined) {
  const workspaces = await allWorkspaces(db);
  if (nameOrId !== undefined) {
    const found = await namedWorkspace(db, nameOrId);
    if (!found)
      throw new CliUsageError(
        `--workspace: no workspace is named "${nameOrId}"${workspaces.length ? ` (there are: ${listed(workspaces)})` : ""}`,
      );
    return found;
  }
  if (workspaces.length === 1) return workspaces[0]!;
  if (!workspaces.length)
    throw new CliUsageError(
      "there is no workspace yet: create one with confidant member create --workspace NAME …",
    );
  throw new CliUsageError(`there are several workspaces: name one with --workspace (${listed(workspaces)})`);
}
