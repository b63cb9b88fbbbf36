import { Writable } from "node:stream";
import Fastify from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { handleError } from "./errors.ts";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("an unexpected failure", () => {
  it("answers 500 and logs where and what kind, never the customer's words the database quoted", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = Fastify({ logger: { level: "error", stream } });
    app.setErrorHandler(handleError);
    // A bug that sends a customer's text where the database wants an id: its message and detail quote the text.
    app.post("/notes", async (request) => {
      const { text } = request.body as { text: string };
      await sql`SELECT ${text}::uuid`.execute(database.db);
      return { ok: true };
    });
    const reply = await app.inject({
      method: "POST",
      url: "/notes",
      payload: { text: "Dana thinks the CFO will veto" },
    });
    await app.close();
    expect(reply.statusCode).toBe(500);
    expect(reply.json().error.code).toBe("internal");
    const logged = lines.join("");
    expect(logged).toContain("unhandled error");
    expect(logged).toContain('"sqlState":"22P02"');
    expect(logged).toContain('"route":"POST /notes"');
    expect(logged).not.toContain("Dana");
  });
});
