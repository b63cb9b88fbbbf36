import type { ErrorBody } from "../../contract/common.ts";

/** An API error with the server's code, message and field problems, ready to show next to the inputs. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody["error"],
  ) {
    super(body.message);
  }
  fieldMessage(path: string) {
    return this.body.fields.find((field) => field.path === path || field.path === `body.${path}`)?.message;
  }
}

export async function api<T>(method: string, url: string, payload?: unknown): Promise<T> {
  // Every write carries JSON (the server refuses other bodies, so no HTML form can make one); a body-less
  // POST sends an empty object.
  const body = payload === undefined && method !== "GET" && method !== "DELETE" ? {} : payload;
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      data?.error ?? { code: "http_error", message: `The server answered ${response.status}.`, fields: [] },
    );
  }
  return data as T;
}

export const get = <T>(url: string) => api<T>("GET", url);
export const post = <T>(url: string, body: unknown = {}) => api<T>("POST", url, body);
export const patch = <T>(url: string, body: unknown) => api<T>("PATCH", url, body);
export const del = <T>(url: string) => api<T>("DELETE", url);
