import { DEFAULT_CONCESSION_POLICY } from "../../../domain/decision/concession.ts";
import type { WorkspaceRow } from "./workspaces.repo.ts";

const DEFAULT_SETTINGS = { commitGuard: true, ...DEFAULT_CONCESSION_POLICY };

/** The workspace as its members see it, its policies with their defaults filled in. */
export const presentWorkspace = (row: WorkspaceRow) => ({
  id: row.id,
  name: row.name,
  isDemo: row.is_demo,
  settings: { ...DEFAULT_SETTINGS, ...(row.settings as object) },
  version: row.version,
});
