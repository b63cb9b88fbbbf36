import type { Config } from "../server/config.ts";
import { type DatabaseHandle, openDatabase } from "../server/db/client.ts";
import { lockDataDir } from "../server/db/data-dir-lock.ts";
import { migrate } from "../server/db/migrator.ts";

/** Opens and migrates the database for one CLI command, holding the embedded data dir while it runs. */
export async function withDatabase<T>(
  config: Config,
  command: string,
  work: (handle: DatabaseHandle) => Promise<T>,
) {
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir, command);
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase(config);
    await migrate(handle.db);
    return await work(handle);
  } finally {
    await handle?.close();
    unlock();
  }
}
