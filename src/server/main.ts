import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import type { Config } from "./config.ts";
import { type DatabaseHandle, openDatabase } from "./db/client.ts";
import { lockDataDir } from "./db/data-dir-lock.ts";
import { migrate } from "./db/migrator.ts";
import { refreshOutdated } from "./features/decisions/readiness.service.ts";
import { ensureDemoWorkspace } from "./features/demo/demo.seed.ts";
import { startWorkers } from "./jobs/workers.ts";

const SHUTDOWN_GRACE_MS = 5000;

export interface Running {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database (locking an embedded data dir), migrates, seeds the demo if on, and listens. */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<Running> {
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir, "confidant serve");
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase(config, config.dbTimeoutMs);
    await migrate(handle.db);
    const rederived = await refreshOutdated(handle.db);
    if (config.demo) await ensureDemoWorkspace(handle.db);
    const app = await buildApp({
      db: handle.db,
      dbKind: handle.kind,
      listen: handle.listen,
      config,
      logger: config.logLevel !== "silent",
    });
    await app.listen({ port: config.port, host: config.host });
    const workers = await startWorkers(app);
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
    // Links handed to buyers name this address, never a request's Host header (which a client chooses). Bound
    // to every interface, the server cannot know the address people use: then CONFIDANT_PUBLIC_URL must say.
    const wildcard = ["0.0.0.0", "::", "[::]"].includes(config.host);
    if (!config.publicUrl && !wildcard) config.publicUrl = url;
    const where =
      handle.kind === "embedded" ? `embedded database in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)";
    log(`Confidant is running: open ${url}`);
    log(`  database: ${where}`);
    if (rederived) log(`  ${rederived} decisions read again by this version's rules`);
    if (!config.publicUrl)
      log(
        "  buyer-room links: off until CONFIDANT_PUBLIC_URL names the address people use to reach this server",
      );
    // Checked in the background: an unreachable mail server must not hold up the start. Settings shows the result.
    const mail = app.mailer.status();
    if (mail.ok) void app.mailer.verify();
    log(
      `  email: ${!mail.enabled ? "off (SMTP_URL turns it on)" : mail.ok ? `on, from ${mail.from}` : `NOT WORKING — ${mail.problem}`}`,
    );
    log(
      `  demo workspace: ${config.demo ? "on (explore it from the welcome page)" : "off (CONFIDANT_DEMO=1 turns it on)"}`,
    );
    const db = handle;
    return {
      app,
      url,
      async stop() {
        // A keep-alive connection whose request ends just as closing starts is never idle-closed, and
        // would hold the process open; in-flight requests get a grace period, then every socket closes.
        const force = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await workers.stop();
        await app.close();
        clearTimeout(force);
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    await handle?.close();
    unlock();
    throw error;
  }
}
