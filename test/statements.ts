import type { KyselyPlugin } from "kysely";

/** A Kysely plugin that keeps every SQL statement sent through the database it is plugged into. */
export function statementRecorder() {
  const sent: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      sent.push(JSON.stringify(args.node));
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  return { sent, plugin };
}
