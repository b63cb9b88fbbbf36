import { z } from "zod";
import { id, version } from "./common.ts";

const share = z.number().min(0, "must be 0 or more").max(100, "must be at most 100");

export const workspaceSettings = z.object({
  commitGuard: z.boolean(),
  concessionSellerMaxPercent: share.describe("up to this share off, a seller approves their own concession"),
  concessionManagerMaxPercent: share.describe("up to this share off, the seller's manager; deeper, an admin"),
});

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
