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
  type RootOperationNode,
  TableNode,
  type UnknownRow,
  UpdateQueryNode,
} from "kysely";

/**
 * The channel database triggers (migrations 0026, 0027) notify, naming the member, when who is signed in or
 * who a workspace's members are may change.
 */
export const SIGNED_IN_CHANNEL = "signed_in_changed";

// Writes that can change who a session or token is: the tables the triggers watch, and the workspace whose
// deletion takes its members with it. A token marked used is not one of them.
const WATCHED = new Set(["session", "member", "workspace"]);
const TOKEN_COLUMNS = new Set(["revoked_at", "expires_at", "member_id"]);

const local = new EventEmitter().setMaxListeners(0);

/**
 * Tells this process's caches at once, before the write is sent. Other servers learn from the triggers'
 * notifications at commit; this process must not wait for its own, or its next request could still see the
 * old answer. (A request that reads between this and the commit is corrected by the notification.)
 */
export class SignedInWrites implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (changesSignedIn(args.node)) local.emit("changed");
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export function onLocalSignedInWrite(listener: () => void): () => void {
  local.on("changed", listener);
  return () => local.off("changed", listener);
}

function changesSignedIn(node: RootOperationNode): boolean {
  // A member added changes no one's session, but it changes the workspace's member list.
  if (InsertQueryNode.is(node)) return node.into !== undefined && tableName(node.into) === "member";
  if (DeleteQueryNode.is(node)) return node.from.froms.some((from) => watched(from, true));
  if (!UpdateQueryNode.is(node) || !node.table) return false;
  if (watched(node.table, false)) return true;
  return (
    tableName(node.table) === "api_token" &&
    (node.updates ?? []).some(
      (update) => ColumnNode.is(update.column) && TOKEN_COLUMNS.has(update.column.column.name),
    )
  );
}

function watched(table: OperationNode, deleting: boolean): boolean {
  const name = tableName(table);
  return name !== undefined && (WATCHED.has(name) || (deleting && name === "api_token"));
}

function tableName(node: OperationNode): string | undefined {
  if (AliasNode.is(node)) return tableName(node.node);
  return TableNode.is(node) ? node.table.identifier.name : undefined;
}
