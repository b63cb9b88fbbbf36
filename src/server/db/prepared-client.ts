import pg from "pg";
import { StatementNames } from "./statement-names.ts";

/** node-postgres's client, sending each statement with values under a name (see statement-names.ts). */
export class PreparingClient extends pg.Client {
  private readonly names = new StatementNames();

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; this only adds a name to one.
  override query(config: any, values?: any, callback?: any): any {
    const name =
      typeof config === "string" && Array.isArray(values) && !callback
        ? this.names.of(config, values.length)
        : undefined;
    if (name === undefined) return super.query(config, values, callback);
    const result = super.query({ name, text: config, values }) as Promise<pg.QueryResult>;
    return result.catch((error: Error) => {
      // The failing statement is answered 503 (try again); the next try prepares it afresh.
      this.names.failed(config, name, error);
      throw error;
    });
  }
}
