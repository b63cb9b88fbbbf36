// What is worked out of each open decision (its no-decision flags, its forecast) depends on that decision alone
// and on what all of them share (the day, the model, the names shown): after a change, only the decisions whose
// stamp moved are read and worked out again, not the thousands that did not.

const MAX_WORKSPACES = 50;

export interface Stamped {
  id: string;
  /** Moves whenever what is worked out of the decision could (see `openStamps`). */
  stamp: string;
}

/** Work done ahead (`seed`): each decision's result under `common`, with the stamp it had then. */
export interface Worked<T> {
  common: string;
  kept: Map<string, { stamp: string; value: T }>;
}

/** A keeper of one kind of per-decision work, per workspace, on this app server. */
export function perDecision<T>() {
  const workspaces = new Map<string, Worked<T>>();
  return async <Row extends { id: string }>(
    workspaceId: string,
    open: { stamps: Stamped[]; common: string },
    read: (ids?: string[]) => Promise<Row[]>,
    work: (row: Row) => T,
    seed?: Worked<T>,
  ): Promise<T[]> => {
    const { stamps, common } = open;
    let entry = workspaces.get(workspaceId);
    workspaces.delete(workspaceId);
    // A new day, model or name starts afresh (from the work done ahead for it, if any), and so drops the
    // decisions decided or deleted since.
    if (!entry || entry.common !== common)
      entry = seed?.common === common ? seed : { common, kept: new Map() };
    workspaces.set(workspaceId, entry);
    if (workspaces.size > MAX_WORKSPACES) workspaces.delete(workspaces.keys().next().value!);
    const { kept } = entry;

    const stale = stamps.filter((s) => kept.get(s.id)?.stamp !== s.stamp);
    if (stale.length) {
      const stampOf = new Map(stale.map((s) => [s.id, s.stamp]));
      const rows = await read(stale.length === stamps.length ? undefined : [...stampOf.keys()]);
      for (const row of rows) {
        const stamp = stampOf.get(row.id);
        if (stamp !== undefined) kept.set(row.id, { stamp, value: work(row) });
      }
    }
    return stamps.flatMap((s) => {
      const found = kept.get(s.id);
      return found?.stamp === s.stamp ? [found.value] : [];
    });
  };
}
