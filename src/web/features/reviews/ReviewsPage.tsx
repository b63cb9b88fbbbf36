import { List } from "@mantine/core";
import { IconMessageCircleQuestion } from "@tabler/icons-react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";

export function ReviewsPage() {
  return (
    <>
      <PageHeader
        title="Reviews"
        description="Coaching conversations about the customer's decision, not our deal."
      />
      <EmptyState icon={<IconMessageCircleQuestion size={26} />} title="No reviews yet">
        A review walks through the customer questions for one decision: the problem in the customer's words,
        the cost of doing nothing, why now, their worries, who must agree and how confident they are.
        <List size="sm" mt="sm">
          <List.Item>Managers: open a review from a decision your team is working on.</List.Item>
          <List.Item>Sellers: review your own decision before a customer meeting.</List.Item>
        </List>
      </EmptyState>
    </>
  );
}
