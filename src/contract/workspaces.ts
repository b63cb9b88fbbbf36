import { z } from "zod";
import { id, version } from "./common.ts";

export const workspaceSettings = z.object({ commitGuard: z.boolean() });

export const workspace = z.object({
  id,
  name: z.string(),
  isDemo: z.boolean(),
  settings: workspaceSettings,
  version,
});

export const updateWorkspaceBody = z
  .object({
    version,
    name: z.string().trim().min(1).max(200).optional(),
    settings: workspaceSettings.partial().optional(),
  })
  .strict();
