import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "../../../domain/webhooks/addresses.ts";
import { invalid } from "../../http/errors.ts";

const PRIVATE_HINT =
  "webhooks go only to public addresses (set CONFIDANT_WEBHOOKS_ALLOW_PRIVATE=1 for a receiver inside your own network)";

/** Refuses, at registration, a URL whose host does not resolve or resolves to a private address. */
export async function requireReachableTarget(url: string, allowPrivate: boolean, path = "body.url") {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw invalid(path, `the host ${host} could not be found`);
  }
  if (allowPrivate) return;
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (blocked) throw invalid(path, `${host} is the private or loopback address ${blocked}; ${PRIVATE_HINT}`);
}

/**
 * The DNS lookup a delivery connects with: it checks the address it actually connects to, so a host that
 * resolved to a public address at registration cannot later point inside the network (DNS rebinding).
 */
export const guardedLookup =
  (allowPrivate: boolean): LookupFunction =>
  (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true })
      .then((found) => {
        const blocked = allowPrivate ? undefined : found.find((a) => !isPublicAddress(a.address));
        if (blocked) {
          callback(
            new Error(`${hostname} resolved to the private address ${blocked.address}; ${PRIVATE_HINT}`),
            "",
            4,
          );
          return;
        }
        if ((options as { all?: boolean }).all)
          (callback as unknown as (e: null, a: typeof found) => void)(null, found);
        else callback(null, found[0]!.address, found[0]!.family);
      })
      .catch((error: Error) => callback(error, "", 4));
  };
