import { IconTargetArrow } from "@tabler/icons-react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";

export function DecisionsPage() {
  return (
    <>
      <PageHeader title="Decisions" description="The buying decisions your customers are working through." />
      <EmptyState icon={<IconTargetArrow size={26} />} title="No decisions yet">
        A decision is your customer's — "Close the books in 5 days, not 12" — not our deal. Each one holds
        their problem in their words, what waiting costs them, why they would change now, who is involved and
        what each of them worries about.
      </EmptyState>
    </>
  );
}
