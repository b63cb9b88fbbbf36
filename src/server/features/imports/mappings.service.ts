import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { createMappingBody } from "../../../contract/imports.ts";
import { type Actor, recordCreate } from "../../db/change-log.ts";
import type { Database } from "../../db/schema.ts";
import { applyChange } from "../../db/versioned-change.ts";
import { conflict } from "../../http/errors.ts";
import { presentMapping } from "./imports.presenter.ts";
import { findMapping, insertMapping, mappingNamed, mappingsOf } from "./mappings.repo.ts";

export async function listMappings(db: Kysely<Database>, workspaceId: string) {
  return (await mappingsOf(db, workspaceId)).map(presentMapping);
}

/** Saves a mapping under a name the workspace has not used yet, so the next export of the same shape reuses it. */
export async function saveMapping(
  db: Kysely<Database>,
  actor: Actor,
  body: z.output<typeof createMappingBody>,
) {
  return db.transaction().execute(async (trx) => {
    if (await mappingNamed(trx, actor.workspaceId, body.name))
      throw conflict(`A mapping named "${body.name}" exists already.`, "name");
    const id = randomUUID();
    await insertMapping(trx, {
      id,
      workspace_id: actor.workspaceId,
      name: body.name,
      kind: body.kind,
      columns: JSON.stringify(body.columns),
      constants: JSON.stringify(body.constants),
    });
    const saved = presentMapping((await findMapping(trx, actor.workspaceId, id))!);
    await recordCreate(trx, actor, "import_mapping", id, saved);
    return saved;
  });
}

export async function changeMapping(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  action: "delete" | "restore",
  version: number,
) {
  return db.transaction().execute(async (trx) => {
    const { after } = await applyChange(trx, actor, {
      entity: "import_mapping",
      table: "import_mapping",
      id,
      version,
      action,
      load: (includeDeleted) => findMapping(trx, actor.workspaceId, id, includeDeleted),
      present: (row) => presentMapping(row),
      what: "The mapping",
    });
    return presentMapping(after);
  });
}
