import { z } from "zod";
import { id, idParams, name, timestamp } from "./common.ts";

export const tokenScope = z
  .enum(["read", "write"])
  .describe("read: GET requests only; write: every request the member's role allows");

export const createTokenBody = z
  .object({
    name,
    scope: tokenScope,
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .nullable()
      .default(90)
      .describe("Days until the token stops working; null for a token that does not expire"),
  })
  .strict();

export const apiToken = z.object({
  id,
  name: z.string(),
  scope: tokenScope,
  prefix: z.string().describe("The token's first characters, to tell tokens apart"),
  createdAt: timestamp,
  expiresAt: timestamp.nullable(),
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

export const createdToken = apiToken.extend({
  token: z
    .string()
    .describe("The secret: shown this once, never again. Send it as `Authorization: Bearer <token>`"),
});

export const tokenList = z.object({ tokens: z.array(apiToken) });

export const tokenParams = idParams;

export type ApiToken = z.infer<typeof apiToken>;
