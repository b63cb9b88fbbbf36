import { Group } from "@mantine/core";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { meQuery } from "../auth/api.ts";
import { diagnosisQuery } from "../reviews/api.ts";
import { DiagnosisBadge } from "../reviews/DiagnosisView.tsx";
import { VerdictButtons } from "./VerdictButtons.tsx";

/** On the decision canvas, how the problem statement was read — and, for a manager, agree or disagree. */
export function ProblemVerdict({ statement }: { statement: string }) {
  const { data: me } = useSuspenseQuery(meQuery);
  const coach = me?.member.role !== "seller";
  const { data } = useQuery({
    ...diagnosisQuery({ question: "problem", answer: statement }),
    enabled: coach,
  });
  if (!coach || !data) return null;
  return (
    <Group gap="sm" data-testid="problem-reading">
      <DiagnosisBadge label={data.label} reason={data.reason} />
      <VerdictButtons key={statement} question="problem" answer={statement} diagnosis={data} />
    </Group>
  );
}
