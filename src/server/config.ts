import path from "node:path";
import { z } from "zod";

const flag = z.enum(["0", "1", "true", "false"]).transform((value) => value === "1" || value === "true");

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  CONFIDANT_DATA_DIR: z.string().min(1).default("./data"),
  CONFIDANT_DEMO: flag.optional(),
  CONFIDANT_OPEN_SIGNUP: flag.default(false),
  CONFIDANT_PUBLIC_URL: z.url().optional(),
  CONFIDANT_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  CONFIDANT_ROOM_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  CONFIDANT_API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  CONFIDANT_DB_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  CONFIDANT_UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(10_240).default(1024),
  // Read as given: a broken value must not stop the app; Settings says what is wrong with it.
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default("Confidant <confidant@localhost>"),
  CONFIDANT_DIGEST_CRON: z.string().default("0 7 * * 1"),
  CONFIDANT_WEBHOOKS_ALLOW_PRIVATE: flag.default(false),
  CONFIDANT_WEBHOOK_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  CONFIDANT_WEBHOOK_RETRIES: z.coerce.number().int().min(0).max(16).default(11),
  CONFIDANT_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  /** Whether anyone reaching the server may create a workspace of their own (beyond the first). */
  openSignup: boolean;
  publicUrl: string | undefined;
  sessionDays: number;
  /** Buyer-room requests per minute per client address (and 2.5× that per link). */
  roomRateLimit: number;
  /** Requests per minute per API token. */
  apiRateLimit: number;
  /** On PostgreSQL, how long the server's one statement (or the wait for a connection) may take: then 503. */
  dbTimeoutMs: number;
  /** The largest file one upload may be, in bytes. */
  uploadLimitBytes: number;
  email: {
    /** smtp:// or smtps:// with credentials; email is off without it. */
    smtpUrl: string | undefined;
    from: string;
    /** When the weekly digest goes out (cron, UTC): Mondays at 07:00 by default. */
    digestCron: string;
  };
  webhooks: {
    /** Whether targets on loopback or private addresses are allowed (tests, receivers on-premise). */
    allowPrivate: boolean;
    /** The wait before the first retry; each later one about doubles (60 s and 11 retries span about a day). */
    retrySeconds: number;
    retries: number;
    timeoutMs: number;
  };
  logLevel: string;
}

export class ConfigError extends Error {}

/** Whether only this machine can reach an address the server listens on. */
export const isLoopback = (host: string) =>
  host === "localhost" || host === "::1" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);

/** Reads the environment; an invalid value names the variable and what is wrong with it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.CONFIDANT_DATA_DIR),
    // One-click entry as any demo member (an admin included) is for trying Confidant on one's own machine: it
    // is on by default only for the embedded database on a loopback address. A server database, or a server
    // other machines can reach, is a real installation — there it takes CONFIDANT_DEMO=1, said explicitly.
    demo: e.CONFIDANT_DEMO ?? (!e.DATABASE_URL && isLoopback(e.HOST)),
    openSignup: e.CONFIDANT_OPEN_SIGNUP,
    publicUrl: e.CONFIDANT_PUBLIC_URL,
    sessionDays: e.CONFIDANT_SESSION_DAYS,
    roomRateLimit: e.CONFIDANT_ROOM_RATE_LIMIT,
    apiRateLimit: e.CONFIDANT_API_RATE_LIMIT,
    dbTimeoutMs: e.CONFIDANT_DB_TIMEOUT_MS,
    uploadLimitBytes: e.CONFIDANT_UPLOAD_LIMIT_MB * 1024 * 1024,
    email: { smtpUrl: e.SMTP_URL, from: e.SMTP_FROM, digestCron: e.CONFIDANT_DIGEST_CRON },
    webhooks: {
      allowPrivate: e.CONFIDANT_WEBHOOKS_ALLOW_PRIVATE,
      retrySeconds: e.CONFIDANT_WEBHOOK_RETRY_SECONDS,
      retries: e.CONFIDANT_WEBHOOK_RETRIES,
      timeoutMs: e.CONFIDANT_WEBHOOK_TIMEOUT_MS,
    },
    logLevel: e.LOG_LEVEL,
  };
}
