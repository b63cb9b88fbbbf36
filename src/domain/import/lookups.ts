/**
 * Matching what an export names to what Confidant knows: owners to members (by email, then by name) and
 * product names to a product list that may spell them differently ("GTXPro" and "GTX Pro").
 */

const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

export interface MemberLike {
  id: string;
  email: string;
  name: string;
}

/** Owners as the source names them → member ids; names no member answers to stay unmapped. */
export function ownerMatcher(members: MemberLike[], mapped: Record<string, string> = {}) {
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  const byName = new Map(members.map((m) => [squash(m.name), m.id]));
  const explicit = new Map(
    Object.entries(mapped).map(([source, target]) => [
      source.trim().toLowerCase(),
      target.trim().toLowerCase(),
    ]),
  );
  return (owner: string | null): string | null => {
    if (!owner) return null;
    const key = owner.trim().toLowerCase();
    const target = explicit.get(key) ?? key;
    return byEmail.get(target) ?? byName.get(squash(target)) ?? null;
  };
}

export interface ProductMatch {
  name: string;
  warning: string | null;
}

/** The product list's own spelling of a product, with a warning whenever the export spelled it otherwise. */
export function productMatcher(known: string[]) {
  const exact = new Set(known);
  const bySquash = new Map(known.map((name) => [squash(name), name]));
  return (product: string): ProductMatch => {
    if (!known.length || exact.has(product)) return { name: product, warning: null };
    const canonical = bySquash.get(squash(product));
    if (canonical)
      return {
        name: canonical,
        warning: `product “${product}” is written “${canonical}” in the product list; kept as “${canonical}”`,
      };
    return { name: product, warning: `product “${product}” is not in the product list; kept as written` };
  };
}
