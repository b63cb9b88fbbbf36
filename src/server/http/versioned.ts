import { notFound, staleVersion } from "./errors.ts";

/**
 * An update ran with `WHERE version = expected`. When it changed no row, tell apart a record that is not
 * there (404) from one someone else changed first (409 with the current record, so the client can merge).
 */
export async function requireUpdated<Updated, Current>(
  updated: Updated | undefined,
  loadCurrent: () => Promise<Current | undefined>,
  present: (row: Current) => unknown,
  what: string,
): Promise<Updated> {
  if (updated) return updated;
  const current = await loadCurrent();
  if (!current) throw notFound(what);
  throw staleVersion(present(current));
}
