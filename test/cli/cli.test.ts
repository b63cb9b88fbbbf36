import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inPostgresRun, migratedDataDir } from "./cli-helpers.ts";

const bin = path.resolve("bin/confidant.js");

/** Runs the CLI on a fresh embedded data dir (the CLI's own database handling is what is tested). */
function run(args: string[], dataDir = migratedDataDir()) {
  const env: NodeJS.ProcessEnv = { ...process.env, CONFIDANT_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, dataDir };
}

describe.skipIf(inPostgresRun)(
  "confidant CLI (embedded database: skipped as a repeat in the PostgreSQL run)",
  () => {
    it("--help lists the commands, and every command has --help", () => {
      const top = run(["--help"]);
      expect(top.status).toBe(0);
      for (const command of ["serve", "migrate", "member"]) expect(top.stdout).toContain(command);
      const create = run(["member", "create", "--help"]);
      expect(create.status).toBe(0);
      expect(create.stdout).toContain("--workspace");
      expect(run(["serve", "--help"]).stdout).toContain("--port");
    });

    it("an unknown command or a bad role is a clear error with exit status 2", () => {
      const unknown = run(["frobnicate"]);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/unknown command/);
      const role = run(["member", "create", "--workspace", "W", "--email", "a@b.test", "--role", "king"]);
      expect(role.status).toBe(2);
      expect(role.stderr).toMatch(/seller, manager, admin/);
      const email = run(["member", "create", "--workspace", "W", "--email", "nope", "--role", "seller"]);
      expect(email.status).toBe(2);
      expect(email.stderr).toContain("--email must be an email address");
    });

    it("member create makes the workspace, prints a generated password once, and refuses a duplicate", () => {
      // A data dir never opened before: the command migrates it first.
      const first = run(
        ["member", "create", "--workspace", "Acme", "--email", "ann@acme.test", "--role", "admin"],
        mkdtempSync(path.join(tmpdir(), "cli-")),
      );
      expect(first.stderr).toBe("");
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('Created admin ann@acme.test in workspace "Acme"');
      expect(first.stdout).toMatch(/Password \(shown once.*\): \S{12,}/);
      const again = run(
        ["member", "create", "--workspace", "Acme", "--email", "ann@acme.test", "--role", "seller"],
        first.dataDir,
      );
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("already exists");
      const migrate = run(["migrate"], first.dataDir);
      expect(migrate.stdout).toContain("up to date");
    });

    it("a second process on a data dir in use gets a message naming the holder and exit status 2", async () => {
      const dataDir = migratedDataDir();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        CONFIDANT_DATA_DIR: dataDir,
        PORT: "0",
        CONFIDANT_DEMO: "0",
      };
      delete env.DATABASE_URL;
      const server = spawn(process.execPath, [bin, "serve"], { env });
      try {
        await new Promise<void>((resolve, reject) => {
          server.stdout.on(
            "data",
            (chunk: Buffer) => chunk.toString().includes("Confidant is running") && resolve(),
          );
          server.on("exit", () => reject(new Error("server exited")));
        });
        const second = run(["migrate"], dataDir);
        expect(second.status).toBe(2);
        expect(second.stderr).toContain(`in use by process ${server.pid} (confidant serve`);
      } finally {
        server.kill("SIGTERM");
      }
    });
  },
);

describe.skipIf(inPostgresRun)(
  "confidant diagnose (embedded database: skipped as a repeat in the PostgreSQL run)",
  () => {
    it("prints one JSON object for one answer", () => {
      const result = run(["diagnose", "--question", "problem", "they need to buy a CRM"]);
      expect(result.status).toBe(0);
      const body = JSON.parse(result.stdout);
      expect(Object.keys(body)).toEqual(["label", "reason", "explanation", "suggestion", "signals"]);
      expect(body).toMatchObject({ label: "seller", reason: "product_as_problem" });
    });

    it("writes one line per JSONL line, in order, with per-line errors, and exits 0", () => {
      const dir = mkdtempSync(path.join(tmpdir(), "jsonl-"));
      const file = path.join(dir, "answers.jsonl");
      const lines = [
        Buffer.from('{"id":"a","question":"impact","answer":"we lose the deal","label":"seller"}\n'),
        Buffer.from("{not json\n"),
        Buffer.from('{"id":"c","question":"budget","answer":"x"}\n'),
        Buffer.from([0xff, 0xfe, 0x41, 0x0a]),
        Buffer.from(
          '{"id":7,"question":"problem","answer":"Claims are denied at 12% versus a 5% benchmark because of coding errors"}\n',
        ),
      ];
      writeFileSync(file, Buffer.concat(lines));
      const result = run(["diagnose", "--jsonl", file]);
      expect(result.status).toBe(0);
      const out = result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(out).toEqual([
        { id: "a", label: "seller", reason: "our_loss" },
        { id: null, error: expect.stringMatching(/^line 2: not valid JSON/) },
        { id: "c", error: expect.stringMatching(/^line 3: question must be one of problem, impact/) },
        { id: null, error: "line 4: not valid UTF-8" },
        { id: 7, label: "customer", reason: null },
      ]);
    });

    it("exits 2 when the file cannot be read or the question is unknown", () => {
      expect(run(["diagnose", "--jsonl", "/no/such/file.jsonl"]).status).toBe(2);
      const unknown = run(["diagnose", "--question", "budget", "x"]);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain("--question must be one of");
    });
  },
);
