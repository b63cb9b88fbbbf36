import ipaddr from "ipaddr.js";

/**
 * Whether a webhook may be sent to this address: only public unicast ones. Loopback, private, link-local
 * (cloud metadata lives there), carrier-grade NAT, multicast and reserved ranges would let a webhook reach
 * inside the network Confidant runs in.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}
