import type { FastifyInstance, InjectOptions } from "fastify";
import type { Kysely } from "kysely";
import { buildApp } from "../src/server/app.ts";
import { type Config, loadConfig } from "../src/server/config.ts";
import type { Database } from "../src/server/db/schema.ts";
import { openTestDatabase } from "./database.ts";

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  // Like the app server, when a test asks: a statement timeout on PostgreSQL.
  const handle = await openTestDatabase(overrides.dbTimeoutMs);
  const config = { ...loadConfig({}), demo: false, publicUrl: "https://confidant.test", ...overrides };
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    listen: handle.listen,
    config,
    serveWeb: false,
  });
  await app.ready();
  return {
    app,
    db: handle.db,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A tiny client over app.inject() that carries one member's session cookie. */
export function client(app: FastifyInstance, cookie?: string) {
  const send = async <T = any>(
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
  ): Promise<Reply<T>> => {
    const response = await app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }),
      headers: cookie ? { cookie } : {},
    });
    let body: T;
    try {
      body = response.json();
    } catch {
      body = response.body as T;
    }
    return { status: response.statusCode, body, headers: response.headers };
  };
  return {
    cookie,
    get: <T = any>(url: string) => send<T>("GET", url),
    post: <T = any>(url: string, payload?: unknown) => send<T>("POST", url, payload ?? {}),
    patch: <T = any>(url: string, payload?: unknown) => send<T>("PATCH", url, payload ?? {}),
    put: <T = any>(url: string, payload?: unknown) => send<T>("PUT", url, payload ?? {}),
    delete: <T = any>(url: string) => send<T>("DELETE", url),
    send,
  };
}
export type Client = ReturnType<typeof client>;

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Client> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${response.body}`);
  const setCookie = String(response.headers["set-cookie"]);
  return client(app, setCookie.split(";")[0]);
}
