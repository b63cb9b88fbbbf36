// A concession's depth and who may approve it under the workspace's policy. Giving margin away is a decision
// of its own: the deeper it goes, the higher it is approved — and what the customer gave in return is asked.

export interface ConcessionPolicy {
  /** Up to this share off (0–100) the decision's owner approves their own. */
  concessionSellerMaxPercent: number;
  /** Up to this share off, the owner's manager; deeper, an admin. */
  concessionManagerMaxPercent: number;
}

export const DEFAULT_CONCESSION_POLICY: ConcessionPolicy = {
  concessionSellerMaxPercent: 0,
  concessionManagerMaxPercent: 15,
};

export type Approver = "seller" | "manager" | "admin";

/** The share off (0–1) of a concession: its percent, or its amount against the value before it; unknown without a value. */
export function concessionDepth(
  c: { amount: number | null; percent: number | null },
  valueAmount: number | null,
) {
  if (c.percent !== null) return c.percent / 100;
  if (c.amount === null || !valueAmount) return null;
  return c.amount / (valueAmount + c.amount);
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Who must approve a concession this deep, and why, in words. */
export function approverFor(
  depth: number | null,
  policy: ConcessionPolicy,
): { approver: Approver; why: string } {
  const seller = policy.concessionSellerMaxPercent / 100;
  const manager = policy.concessionManagerMaxPercent / 100;
  if (depth === null)
    return {
      approver: "admin",
      why: "Without the decision's value its depth is unknown: an admin approves it.",
    };
  if (depth <= seller)
    return { approver: "seller", why: `${pct(depth)} off is within the ${pct(seller)} a seller approves.` };
  if (depth <= manager)
    return { approver: "manager", why: `${pct(depth)} off needs the manager (up to ${pct(manager)}).` };
  return {
    approver: "admin",
    why: `${pct(depth)} off is deeper than the ${pct(manager)} a manager approves: an admin decides.`,
  };
}
