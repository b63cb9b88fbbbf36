import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorBody } from "../../contract/common.ts";
import { inWords } from "../../domain/words.ts";
import { isPlanOutdated } from "../db/statement-names.ts";

type Field = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Field[] = [],
    readonly current?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} was not found.`);
/** A referenced id (in a body or query) that is not in the caller's workspace. */
export const unknownReference = (path: string, what: string) =>
  new AppError(404, "not_found", `${path}: ${what} was not found in this workspace.`, [
    { path, message: `${what} was not found in this workspace` },
  ]);
export const forbidden = (message: string) => new AppError(403, "forbidden", message);
export const unauthenticated = (message = "Sign in to continue.") =>
  new AppError(401, "unauthenticated", message);
export const invalid = (path: string, message: string) =>
  new AppError(400, "invalid_input", `${path}: ${message}`, [{ path, message }]);
export const conflict = (message: string, path?: string) =>
  new AppError(409, "conflict", message, path ? [{ path, message }] : []);
const who = (by: string | null) => (by === "you" ? "You" : (by ?? "Someone else"));

/**
 * An edit made on an older version that cannot be merged. With the fields that changed since (each named in
 * `fields`, its current value in `current`), the message says who changed what; "you" when it was the same
 * member in another tab or window.
 */
export const staleVersion = (
  current: unknown,
  changed: Array<{ field: string; changedBy: string | null }> = [],
) => {
  const by = [...new Set(changed.map((c) => c.changedBy))];
  const message = changed.length
    ? `${by.length === 1 ? who(by[0]!) : "Others"} changed ${changed.map((c) => inWords(c.field)).join(", ")} since you opened it${by.length === 1 && by[0] === "you" ? " (in another tab or window)" : ""}. Keep yours or take theirs.`
    : "This record changed since you loaded it. Review the change and try again.";
  return new AppError(
    409,
    "stale_version",
    message,
    [
      { path: "version", message: "is not the current version" },
      ...changed.map((c) => ({
        path: c.field,
        message: `changed by ${c.changedBy === "you" ? "you in another tab or window" : (c.changedBy ?? "someone else")} since you opened it`,
      })),
    ],
    current,
  );
};

function body(code: string, message: string, fields: Field[] = [], current?: unknown): ErrorBody {
  return { error: { code, message, fields, ...(current === undefined ? {} : { current }) } };
}

function validationFields(error: FastifyError): Field[] {
  const where = error.validationContext ?? "body";
  return (error.validation ?? []).map((item) => {
    const rest = item.instancePath.replace(/^\//, "").replaceAll("/", ".");
    return { path: rest ? `${where}.${rest}` : where, message: item.message ?? "is invalid" };
  });
}

const CONNECTION_LOST = ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"];

/**
 * The database is down, restarting or too slow: a statement cancelled by its timeout (57014), the server shutting
 * down or not yet taking connections (57P…), a connection failure (08…), the client giving up on it or refusing
 * a connection it lost, or a table changed under a prepared statement (a migration while serving).
 */
export function databaseAway(error: Error) {
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === "string" &&
    (code === "57014" || /^(57P|08)/.test(code) || CONNECTION_LOST.includes(code))
  )
    return true;
  // A statement prepared before a migration changed its table's shape fails once per connection and is
  // prepared afresh on the next try.
  if (isPlanOutdated(error)) return true;
  // node-postgres's own words: a connection lost under a statement, or (not queryable) one lost between two
  // statements of a transaction, the next of which it refuses.
  return /timeout exceeded when trying to connect|Connection terminated|Query read timeout|not queryable/i.test(
    error.message,
  );
}

/** One error shape for every failure; input problems are 4xx with the fields named, never 500. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send(body(error.code, error.message, error.fields, error.current));
  }
  if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
    const fields = validationFields(error);
    const summary = fields.map((field) => `${field.path} ${field.message}`).join("; ");
    return reply.status(400).send(body("invalid_input", `Invalid input: ${summary}`, fields));
  }
  if (error.statusCode === 429) {
    return reply.status(429).send(body("rate_limited", error.message));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const code = error.statusCode === 413 ? "too_large" : "bad_request";
    return reply.status(error.statusCode).send(body(code, error.message));
  }
  const pgCode = (error as unknown as { code?: string }).code;
  if (databaseAway(error)) {
    request.log.warn({ failure: failureOf(error, request) }, "the database did not answer");
    return reply
      .status(503)
      .header("retry-after", "5")
      .send(body("database_unavailable", "The database did not answer in time. Try again in a few seconds."));
  }
  if (pgCode === "53100") {
    // The data's disk is full: the statement failed whole and nothing of it was kept; reads still work and
    // writes resume by themselves once there is room again.
    request.log.error({ failure: failureOf(error, request) }, "the database's disk is full");
    return reply
      .status(507)
      .send(
        body(
          "disk_full",
          "The server's disk is full, so nothing was saved. What was saved before is safe. Free some space (or ask whoever runs Confidant to) and try again.",
        ),
      );
  }
  if (pgCode === "23505") {
    return reply.status(409).send(body("conflict", "A record with the same unique value already exists."));
  }
  request.log.error({ failure: failureOf(error, request) }, "unhandled error");
  return reply.status(500).send(body("internal", "Something went wrong on our side. It has been logged."));
}

/**
 * Errors the framework meets before a route runs (an address that is not valid text, a malformed header):
 * the same error shape as everything else, naming what was wrong.
 */
export function handleFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const message =
    error.code === "FST_ERR_BAD_URL" ? "the address holds characters that are not valid text" : error.message;
  return reply
    .status(400)
    .send(body("bad_request", `The request could not be read: ${message}.`, [{ path: "url", message }]));
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .send(body("not_found", `No route ${request.method} ${request.url.split("?")[0]}.`));
}

/**
 * What a 500 logs: where it happened, who asked (ids) and what kind of failure — never a database error's
 * message, detail or parameters, which quote the customer's words.
 */
export function failureOf(error: Error, request: FastifyRequest) {
  const database = error as Error &
    Partial<Record<"code" | "table" | "column" | "constraint" | "routine", string>>;
  const isDatabase = typeof database.code === "string" && /^[0-9A-Z]{5}$/.test(database.code);
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
  return {
    class: error.constructor?.name ?? "Error",
    route: `${request.method} ${request.routeOptions.url ?? "(no route)"}`,
    requestId: request.id,
    workspaceId: request.signedIn?.workspaceId ?? null,
    memberId: request.signedIn?.memberId ?? null,
    ...(isDatabase
      ? {
          sqlState: database.code,
          table: database.table ?? null,
          column: database.column ?? null,
          constraint: database.constraint ?? null,
          routine: database.routine ?? null,
        }
      : { message: error.message }),
    stack: frames.join("\n"),
  };
}
