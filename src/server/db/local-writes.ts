import { EventEmitter } from "node:events";
import {
  AliasNode,
  ColumnNode,
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  RawNode,
  type RootOperationNode,
  TableNode,
  type UnknownRow,
  UpdateQueryNode,
  type WithNode,
} from "kysely";

/** A table a statement writes; for an UPDATE made with the query builder, the columns it sets. */
export interface Written {
  table: string;
  action: "insert" | "update" | "delete";
  /** Unknown (any column) for statements written in SQL. */
  columns?: ReadonlySet<string>;
}

const local = new EventEmitter().setMaxListeners(0);

/**
 * Tells this process's kept answers of a write at once, before it is sent. Other servers learn from database
 * triggers' notifications at commit; this process must not wait for its own, or its next request could still
 * see the old answer. (A request that reads between this and the commit is corrected by the notification.)
 */
export class LocalWrites implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (local.listenerCount("written") > 0) {
      const written = writtenBy(args.node);
      if (written.length > 0) local.emit("written", written);
    }
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export function onLocalWrite(listener: (written: Written[]) => void): () => void {
  local.on("written", listener);
  return () => local.off("written", listener);
}

/** The tables a statement writes: from the query builder's tree, or read from the text of SQL written by hand. */
export function writtenBy(node: OperationNode): Written[] {
  const written = "with" in node && node.with ? fromWith(node.with as WithNode) : [];
  if (InsertQueryNode.is(node) && node.into) written.push({ table: tableName(node.into)!, action: "insert" });
  else if (UpdateQueryNode.is(node) && node.table) {
    const columns = new Set(
      (node.updates ?? []).flatMap((u) => (ColumnNode.is(u.column) ? [u.column.column.name] : [])),
    );
    for (const table of tablesOf(node.table)) written.push({ table, action: "update", columns });
  } else if (DeleteQueryNode.is(node))
    for (const from of node.from.froms)
      for (const table of tablesOf(from)) written.push({ table, action: "delete" });
  else if (RawNode.is(node)) written.push(...fromSql(node));
  return written;
}

function fromWith(node: WithNode): Written[] {
  return node.expressions.flatMap((cte) => writtenBy(cte.expression));
}

const WRITE_AT_END = /\b(insert\s+into|update|delete\s+from)\s+(?:only\s+)?$/i;
const WRITE_NAMED = /\b(insert\s+into|update|delete\s+from)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Hand-written SQL: tables named after INSERT INTO, UPDATE and DELETE FROM, in the text or as `sql.table`. */
function fromSql(node: RawNode): Written[] {
  const written: Written[] = [];
  const last = node.sqlFragments.length - 1;
  node.sqlFragments.forEach((fragment, i) => {
    for (const match of fragment.matchAll(WRITE_NAMED)) {
      const [whole, verb, table] = match;
      const write: Written = { table: table!.toLowerCase(), action: action(verb!) };
      if (write.action === "update") {
        const columns = setColumns(fragment.slice(match.index + whole.length), i === last);
        if (columns) write.columns = columns;
      }
      written.push(write);
    }
    const verb = fragment.match(WRITE_AT_END)?.[1];
    const parameter = node.parameters[i];
    if (verb && parameter)
      for (const table of tablesOf(parameter)) written.push({ table, action: action(verb) });
    if (parameter && RawNode.is(parameter)) written.push(...fromSql(parameter));
  });
  return written;
}

/**
 * The columns a hand-written UPDATE sets, when its whole SET clause is in this piece of text (no value of the
 * statement's in it); otherwise unknown.
 */
function setColumns(afterTable: string, lastPiece: boolean): ReadonlySet<string> | undefined {
  // Subqueries and calls go first, so that neither their commas nor their FROM or WHERE are read as the clause's.
  let flat = afterTable;
  for (let before = ""; before !== flat; ) [before, flat] = [flat, flat.replace(/\([^()]*\)/g, "")];
  const clause = flat.match(/^\s*(?:(?:as\s+)?\w+\s+)?set\s+([\s\S]*?)(\bfrom\b|\bwhere\b|\breturning\b|$)/i);
  // A bracket left open: the clause goes on past a value, where it cannot be read.
  if (!clause || (!clause[2] && !lastPiece) || /[()]/.test(clause[1]!)) return undefined;
  const columns = clause[1]!
    .split(",")
    .map((assignment) => assignment.match(/^\s*"?(\w+)"?\s*=/)?.[1]?.toLowerCase());
  return columns.every(Boolean) ? new Set(columns as string[]) : undefined;
}

const action = (verb: string): Written["action"] =>
  /^insert/i.test(verb) ? "insert" : /^update/i.test(verb) ? "update" : "delete";

function tablesOf(node: OperationNode): string[] {
  const name = tableName(node);
  if (name) return [name];
  return RawNode.is(node) ? node.parameters.flatMap(tablesOf) : [];
}

function tableName(node: OperationNode): string | undefined {
  if (AliasNode.is(node)) return tableName(node.node);
  return TableNode.is(node) ? node.table.identifier.name : undefined;
}
