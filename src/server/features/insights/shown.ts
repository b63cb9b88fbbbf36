// What every Insights list shows of an open decision, whichever view lists it (risks, forecast).
export const shownDecision = (r: {
  id: string;
  title: string;
  account_name: string;
  owner_name: string;
  value_amount: number | null;
  currency: string;
}) => ({
  decisionId: r.id,
  title: r.title,
  accountName: r.account_name,
  ownerName: r.owner_name,
  valueAmount: r.value_amount,
  currency: r.currency,
});
