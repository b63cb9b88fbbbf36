import { Command, CommanderError, Option } from "commander";
import { z } from "zod";
import { email, name, password, role } from "../contract/common.ts";
import { REVIEW_QUESTIONS } from "../domain/diagnostics/types.ts";
import { ConfigError, loadConfig } from "../server/config.ts";
import { BackupError } from "../server/db/backup.ts";
import { DataDirInUseError } from "../server/db/data-dir-lock.ts";
import { migrate } from "../server/db/migrator.ts";
import { generatePassword } from "../server/features/auth/passwords.ts";
import { UnusableFileError } from "../server/features/imports/read-file.ts";
import { ImportRunningError } from "../server/features/imports/run-lock.ts";
import { createMember } from "../server/features/members/members.service.ts";
import { createWorkspace } from "../server/features/workspaces/workspaces.service.ts";
import { AppError } from "../server/http/errors.ts";
import { startServer } from "../server/main.ts";
import { APP_VERSION } from "../server/version.ts";
import { analyzeCommand } from "./analyze-command.ts";
import { DiagnoseUsageError, diagnoseJsonl, diagnoseOne } from "./diagnose-command.ts";
import { backtestCommand } from "./forecast-command.ts";
import { importCommand } from "./import-command.ts";
import { withDatabase } from "./run-with-database.ts";
import { backupCommand, exportCommand, restoreCommand } from "./transfer-commands.ts";
import { CliUsageError } from "./usage-error.ts";
import { namedWorkspace } from "./workspace-option.ts";

const UsageError = CliUsageError;

function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `--${issue.path.join(".")} ${issue.message}`);
  throw new UsageError(issues.join("; "));
}

const program = new Command()
  .name("confidant")
  .description("Confidant: selling by helping customers decide.")
  .version(APP_VERSION)
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

program
  .command("serve")
  .description("Start the web app and API (migrates the database first).")
  .option("--port <port>", "port to listen on (default: PORT or 3000)")
  .option("--host <host>", "host to bind (default: HOST or 127.0.0.1)")
  .action(async (options: { port?: string; host?: string }) => {
    const config = loadConfig({
      ...process.env,
      ...(options.port ? { PORT: options.port } : {}),
      ...(options.host ? { HOST: options.host } : {}),
    });
    const running = await startServer(config);
    const stop = async () => {
      await running.stop();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });

program
  .command("migrate")
  .description("Apply database migrations that have not run yet.")
  .action(async () => {
    const config = loadConfig();
    const applied = await withDatabase(config, "confidant migrate", async ({ db }) => migrate(db));
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  });

const memberCommand = program.command("member").description("Manage workspace members.");
memberCommand
  .command("create")
  .description("Create a member; the workspace is created when it does not exist yet.")
  .requiredOption("--workspace <name>", "workspace name or id")
  .requiredOption("--email <email>", "sign-in email")
  .addOption(new Option("--role <role>", "role").choices(role.options).makeOptionMandatory())
  .option("--name <name>", "display name (default: from the email)")
  .option("--password <password>", "password (default: one is generated and printed once)")
  .action(async (raw: Record<string, string | undefined>) => {
    const options = parseOrExplain(
      z.object({ workspace: name, email, role, name: name.optional(), password: password.optional() }),
      raw,
    );
    const config = loadConfig();
    await withDatabase(config, "confidant member create", async ({ db }) => {
      const workspace =
        (await namedWorkspace(db, options.workspace)) ??
        (await createWorkspace(db, options.workspace, { via: "cli" }));
      const password = options.password ?? generatePassword();
      const result = await createMember(
        db,
        { workspaceId: workspace.id, memberId: null, via: "cli" },
        {
          email: options.email,
          role: options.role,
          name: options.name ?? options.email.split("@")[0]!,
          password,
        },
      );
      console.log(`Created ${result.member.role} ${result.member.email} in workspace "${workspace.name}".`);
      if (!options.password) console.log(`Password (shown once, store it safely): ${password}`);
    });
  });

program
  .command("diagnose")
  .description(
    "Diagnose review answers: about the customer, seller-centric or vague — with the reason and a better question.",
  )
  .argument("[answer]", "the answer to diagnose (with --question)")
  .option("--question <key>", `the review question: ${REVIEW_QUESTIONS.join(", ")}`)
  .option(
    "--jsonl <file>",
    'a file of {"id","question","answer"} lines; writes {"id","label","reason"} per line',
  )
  .action((answer: string | undefined, options: { question?: string; jsonl?: string }) => {
    if (options.jsonl) {
      if (answer !== undefined) throw new UsageError("give either --jsonl FILE or an answer, not both");
      for (const line of diagnoseJsonl(options.jsonl)) process.stdout.write(`${line}\n`);
      return;
    }
    if (answer === undefined)
      throw new UsageError(
        'give an answer to diagnose, e.g. confidant diagnose --question problem "they need to buy a CRM"',
      );
    console.log(diagnoseOne(options.question, answer));
  });

program
  .command("analyze")
  .description(
    "Analyse a call transcript (WebVTT, SRT, Name: text, Otter-style or JSON): talk share, questions, topics, next step, what the customer said.",
  )
  .argument("<file>", "the transcript")
  .option(
    "--seller <names>",
    'the seller side, comma-separated: "Ann Lee,Bo Chan" (everyone else is the customer)',
  )
  .option("--format <format>", "auto, vtt, srt, txt, otter or json (default: auto, from the content)")
  .action((file: string, options: { seller?: string; format?: string }) => {
    console.log(analyzeCommand(file, options));
  });

const forecastCommand = program.command("forecast").description("Forecasts and how far to trust them.");
forecastCommand
  .command("backtest")
  .description(
    "Replay a CRM data set's history without leakage (Maven's pipeline or Olist's leads) and score the forecast against the historical rate: Brier, log loss, AUC, calibration, revenue.",
  )
  .requiredOption("--data <dir>", "the folder of the data set's CSV files")
  .option("--json", "one JSON object instead of the table")
  .action((options: { data: string; json?: boolean }) => {
    console.log(backtestCommand(options));
  });

program
  .command("import")
  .description(
    "Import accounts, contacts and opportunities from Salesforce, HubSpot, Pipedrive, Maven CRM or any CSV (re-importing updates).",
  )
  .argument(
    "<files...>",
    "CSV (or Salesforce data tree JSON) files; accounts are read before what refers to them",
  )
  .option(
    "--format <format>",
    "auto, salesforce, hubspot, pipedrive, maven or csv (default: auto, from the headers)",
  )
  .option(
    "--map <mapping.json>",
    'column mapping: {"kind","columns":{field: header},"constants","owners","dateFormat","files"}',
  )
  .option("--workspace <name>", "workspace to import into (default: the only one)")
  .option("--dry-run", "check everything and count, write nothing")
  .option("--date-format <order>", "DMY, MDY or YMD when the dates do not show it")
  .option("--encoding <encoding>", "utf-8, utf-16le, utf-16be or windows-1252 (default: detected)")
  .option(
    "--report <file.csv>",
    "where to write row errors and warnings (default: beside the first file, <name>.import-errors-<time>.csv)",
  )
  .action(async (files: string[], options: Record<string, string | boolean | undefined>) => {
    await importCommand(loadConfig(), files, options);
  });

program
  .command("export")
  .description("Export accounts, stakeholders, decisions, concerns and reviews, one file per kind.")
  .option("--format <format>", "csv or json", "csv")
  .option("--out <dir>", "folder to write accounts.csv, decisions.csv, … to")
  .option("--workspace <name>", "workspace to export (default: the only one)")
  .option("--bom", "start CSV files with a byte-order mark, for Excel")
  .action(async (options: { format?: string; out?: string; workspace?: string; bom?: boolean }) => {
    await exportCommand(loadConfig(), options);
  });

program
  .command("backup")
  .description("Write a complete, consistent backup of the database (every table, change log included).")
  .argument("<file>", "backup file (.jsonl, or .jsonl.gz to compress)")
  .action(async (file: string) => backupCommand(loadConfig(), file));

program
  .command("restore")
  .description("Restore a backup into an empty database (embedded or PostgreSQL): all of it or nothing.")
  .argument("<file>", "a file written by confidant backup")
  .action(async (file: string) => restoreCommand(loadConfig(), file));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  if (
    error instanceof UsageError ||
    error instanceof UnusableFileError ||
    error instanceof BackupError ||
    error instanceof DiagnoseUsageError ||
    error instanceof ConfigError ||
    error instanceof DataDirInUseError
  ) {
    console.error(`confidant: ${error.message}`);
    process.exit(2);
  }
  if (error instanceof AppError || error instanceof ImportRunningError) {
    console.error(`confidant: ${error.message}`);
    process.exit(1);
  }
  // Not the user's doing: one line to report, without dumping the data the failed statement carried.
  console.error(`confidant: unexpected error: ${(error as Error).message}`);
  process.exit(1);
}
