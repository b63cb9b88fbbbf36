import pg from "pg";

export interface Listening {
  /** True while notifications are arriving; between a lost connection and its return some may have been missed. */
  readonly live: boolean;
  stop(): Promise<void>;
}

export interface ListenHandlers {
  onNotify(channel: string, payload: string): void;
  /** Called when the connection is lost (notifications may be missed until it is back) and when it is back. */
  onLive(live: boolean): void;
}

const RETRY_MS = [250, 500, 1000, 2000, 5000];

/**
 * LISTENs on `channels` on a connection of its own (a pooled one would drop it on release), reconnecting for as
 * long as it runs: a restarted PostgreSQL is heard again without restarting the app.
 */
export function listenPostgres(databaseUrl: string, channels: string[], handlers: ListenHandlers): Listening {
  let client: pg.Client | undefined;
  let live = false;
  let stopped = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;

  const setLive = (value: boolean) => {
    if (live === value) return;
    live = value;
    handlers.onLive(value);
  };
  const connect = async () => {
    const current = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
    client = current;
    const lost = () => {
      if (client !== current) return;
      client = undefined;
      setLive(false);
      void current.end().catch(() => {});
      if (!stopped) retry = setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
    };
    current.on("error", lost);
    current.on("end", lost);
    current.on("notification", (message) => {
      if (channels.includes(message.channel)) handlers.onNotify(message.channel, message.payload ?? "");
    });
    try {
      await current.connect();
      for (const channel of channels) await current.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (stopped || client !== current) return;
      attempt = 0;
      setLive(true);
    } catch {
      lost();
    }
  };
  void connect();

  return {
    get live() {
      return live;
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      live = false;
      await current?.end().catch(() => {});
    },
  };
}
