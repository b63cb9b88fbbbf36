import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { ApiError } from "./api.ts";
import { notifyError } from "./errors.ts";

/** A field someone changed since the page loaded it, beside the value this edit would give it. */
export interface FieldConflict {
  field: string;
  message: string;
  theirs: unknown;
  mine: unknown;
}

/**
 * The fields of an edit that differ from what the form opened with: sending only those lets the server merge
 * this edit with a colleague's change to other fields instead of calling it a conflict.
 */
export function onlyChanged<T extends object>(next: T, before: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(next).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key]),
    ),
  ) as Partial<T>;
}

interface Pending<Body> {
  fields: FieldConflict[];
  body: Body;
  version: number;
  onSuccess?: (() => void) | undefined;
}

/**
 * Saves an edit to a versioned record with the version the member began from. The server merges it when the
 * fields it sets did not change since; when one did, the answer names them with their current values and the
 * edit waits here — theirs beside mine — until the member keeps theirs or takes the other. Every versioned
 * form (a decision's sections, an account, a concern, a plan step) saves through this one path.
 */
export function useVersionedEdit<Body extends object, Result>(options: {
  /** The record's version as the page shows it now. */
  version: number;
  write: (body: Body, version: number) => Promise<Result>;
  /** What the save refreshes, saved or refused. */
  changes: QueryKey[];
  onSaved?: (result: Result) => void;
  /** Any refusal other than a conflict (invalid input, a broken rule). */
  onRefused: (error: unknown, body: Body) => void;
}) {
  const queryClient = useQueryClient();
  // The version the edit began from: the page may reload a newer one while the member types, but their edit is
  // still based on what they saw when they began.
  const opened = useRef<number | null>(null);
  const [conflict, setConflict] = useState<Pending<Body> | null>(null);
  const mutation = useMutation({
    mutationFn: ({ body, version }: { body: Body; version: number; onSuccess?: (() => void) | undefined }) =>
      options.write(body, version),
    onSuccess: (result, { onSuccess }) => {
      setConflict(null);
      opened.current = null;
      options.onSaved?.(result);
      onSuccess?.();
    },
    onError: (error, { body, onSuccess }) => {
      if (!(error instanceof ApiError && error.body.code === "stale_version"))
        return options.onRefused(error, body);
      const current = (error.body.current ?? {}) as Record<string, unknown> & { version: number };
      const fields = error.body.fields
        .filter((f) => f.path !== "version")
        .map((f) => ({
          field: f.path,
          message: f.message,
          theirs: current[f.path],
          mine: (body as Record<string, unknown>)[f.path],
        }));
      if (fields.length) setConflict({ fields, body, version: current.version, onSuccess });
      else notifyError(error, "This changed since you opened it");
    },
    onSettled: () =>
      Promise.all(options.changes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
  return {
    isPending: mutation.isPending,
    error: mutation.error,
    conflict: conflict?.fields ?? null,
    /** Marks the start of an edit: its save is checked against the version shown now. */
    begin: () => {
      opened.current = options.version;
      setConflict(null);
    },
    mutate: (body: Body, then?: { onSuccess?: () => void }) => {
      setConflict(null);
      mutation.mutate({ body, version: opened.current ?? options.version, onSuccess: then?.onSuccess });
    },
    /** Saves this edit over theirs, now that the member has seen what they changed. */
    keepMine: () =>
      conflict &&
      mutation.mutate({ body: conflict.body, version: conflict.version, onSuccess: conflict.onSuccess }),
    /** Drops this edit: the page shows their version. */
    takeTheirs: () => {
      conflict?.onSuccess?.();
      setConflict(null);
      opened.current = null;
    },
  };
}

export type VersionedEdit = ReturnType<typeof useVersionedEdit>;
