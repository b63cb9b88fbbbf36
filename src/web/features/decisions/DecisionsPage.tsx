import {
  Badge,
  Button,
  Center,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { IconLayoutKanban, IconPlus, IconSearch, IconTable, IconTargetArrow } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useCallback, useEffect, useRef, useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { DIMENSION_LABELS, date, label, MILESTONE_LABELS, money, readinessColor } from "../../lib/format.ts";
import { boardQuery, listQuery } from "./api.ts";
import { DecisionCardView } from "./DecisionCardView.tsx";
import { NewDecisionModal } from "./NewDecisionModal.tsx";
import { type DecisionsSearch, TABLE_SORTS } from "./search.ts";

export function DecisionsPage() {
  const search = useSearch({ from: "/app/decisions" });
  const navigate = useNavigate({ from: "/decisions" });
  const { view, owner } = search;
  const set = (change: Partial<DecisionsSearch>) =>
    navigate({ search: (current) => ({ ...current, ...change }), replace: true });
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <Stack gap="md">
      <PageHeader
        title="Decisions"
        description="Your customers' decisions, by where the customer is — derived from evidence, never typed in."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            New decision
          </Button>
        }
      />
      <Group justify="space-between">
        <SegmentedControl
          value={owner}
          onChange={(value) => set({ owner: value as DecisionsSearch["owner"] })}
          data={[
            { value: "all", label: "All I can see" },
            { value: "me", label: "Mine" },
          ]}
        />
        <SegmentedControl
          value={view}
          onChange={(value) => set({ view: value as DecisionsSearch["view"] })}
          data={[
            {
              value: "board",
              label: (
                <Center style={{ gap: 6 }}>
                  <IconLayoutKanban size={16} />
                  <span>Board</span>
                </Center>
              ),
            },
            {
              value: "table",
              label: (
                <Center style={{ gap: 6 }}>
                  <IconTable size={16} />
                  <span>Table</span>
                </Center>
              ),
            },
          ]}
        />
      </Group>
      {view === "board" ? (
        <Board owner={owner} onCreate={open} />
      ) : (
        <DecisionTable owner={owner} sort={search.sort} query={search.q} set={set} />
      )}
      <NewDecisionModal opened={creating} onClose={close} />
    </Stack>
  );
}

/** The board's columns the viewport does not show, so the page can say they are there. */
function useHiddenColumns(deps: unknown) {
  const viewport = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<string[]>([]);
  const measure = useCallback(() => {
    const v = viewport.current;
    if (!v) return;
    const right = v.scrollLeft + v.clientWidth;
    setHidden(
      [...v.querySelectorAll<HTMLElement>("[data-column]")]
        .filter((column) => column.offsetLeft + column.offsetWidth / 2 > right)
        .map((column) => column.dataset.column!),
    );
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measure again whenever the columns change
  useEffect(() => {
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [measure, deps]);
  return { viewport, hidden, measure };
}

function Board({ owner, onCreate }: { owner: string; onCreate: () => void }) {
  const { data, isPending } = useQuery(boardQuery(owner));
  const { viewport, hidden, measure } = useHiddenColumns(data);
  if (isPending || !data) return <Text c="dimmed">Loading…</Text>;
  const total = data.columns.reduce((sum, c) => sum + c.count, 0);
  if (total === 0) {
    return (
      <EmptyState
        icon={<IconTargetArrow size={26} />}
        title="No decisions yet"
        action={<Button onClick={onCreate}>Record your first decision</Button>}
      >
        A decision is your customer's — "Close the books in 5 days, not 12" — not our deal. Write down their
        problem in their words, what waiting costs them, and who must agree; Confidant shows what is missing
        and the next question to ask.
      </EmptyState>
    );
  }
  return (
    <Stack gap={4}>
      {hidden.length > 0 && (
        <Text size="sm" ta="right" data-testid="board-more">
          Scroll right for{" "}
          {hidden.map((m) => MILESTONE_LABELS[m as keyof typeof MILESTONE_LABELS]).join(", ")} →
        </Text>
      )}
      <ScrollArea type="always" offsetScrollbars viewportRef={viewport} onScrollPositionChange={measure}>
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="md">
          {data.columns.map((column) => (
            <Paper
              key={column.milestone}
              data-column={column.milestone}
              bg="gray.1"
              p="xs"
              miw={220}
              style={{ flex: "1 1 0" }}
              radius="md"
              data-testid={`column-${column.milestone}`}
            >
              <Group justify="space-between" mb="xs" px={4}>
                <Text fw={600} size="sm">
                  {MILESTONE_LABELS[column.milestone]}
                </Text>
                <Badge variant="white" color="gray" size="sm">
                  {column.count.toLocaleString("en")}
                  {column.more ? "+" : ""}
                </Badge>
              </Group>
              <Stack gap="xs">
                {column.items.map((card) => (
                  <DecisionCardView key={card.id} decision={card} />
                ))}
                {column.count > column.items.length && (
                  <Text size="xs" c="dimmed" ta="center">
                    and {(column.count - column.items.length).toLocaleString("en")}
                    {column.more ? "+" : ""} more — use the table to see all
                  </Text>
                )}
                {column.count === 0 && (
                  <Text size="xs" c="dimmed" ta="center" py="md">
                    None here
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </Group>
      </ScrollArea>
    </Stack>
  );
}

const SORT_LABELS: Record<DecisionsSearch["sort"], string> = {
  readiness: "Readiness",
  "-value": "Value",
  targetDate: "Target date",
  "-costOfWaiting": "Cost of waiting",
  "-updated": "Recently changed",
};

function DecisionTable({
  owner,
  sort,
  query,
  set,
}: {
  owner: string;
  sort: DecisionsSearch["sort"];
  query: string;
  set: (change: Partial<DecisionsSearch>) => void;
}) {
  const [search, setSearch] = useState(query);
  const [q] = useDebouncedValue(search, 250);
  useEffect(() => {
    if (q !== query) set({ q });
  }, [q, query, set]);
  const params: Record<string, string> = {
    sort,
    limit: "200",
    ...(owner === "me" ? { owner: "me" } : {}),
    ...(q ? { q } : {}),
  };
  const { data } = useQuery(listQuery(params));
  return (
    <Paper withBorder p="md">
      <Group mb="sm">
        <TextInput
          placeholder="Search title or account"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
        <SegmentedControl
          size="xs"
          value={sort}
          onChange={(value) => set({ sort: value as DecisionsSearch["sort"] })}
          data={TABLE_SORTS.map((value) => ({ value, label: SORT_LABELS[value] }))}
        />
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Decision</Table.Th>
              <Table.Th>Milestone</Table.Th>
              <Table.Th>Readiness</Table.Th>
              <Table.Th>Weakest</Table.Th>
              <Table.Th>Cost of waiting</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Target date</Table.Th>
              <Table.Th>Owner</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.items ?? []).map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text component={Link} to={`/decisions/${d.id}`} fw={600} size="sm" c="cyan.9">
                    {d.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.accountName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">
                    {d.outcome === "open" ? MILESTONE_LABELS[d.milestone] : label(d.outcome)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text fw={600} c={readinessColor(d.readiness)}>
                    {d.readiness}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{d.weakestDimension ? DIMENSION_LABELS[d.weakestDimension] : "—"}</Text>
                </Table.Td>
                <Table.Td>
                  {d.costOfWaitingMonthly ? `${money(d.costOfWaitingMonthly, d.currency, true)}/mo` : "—"}
                </Table.Td>
                <Table.Td>{money(d.valueAmount, d.currency, true)}</Table.Td>
                <Table.Td>{date(d.targetDate)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{d.ownerName}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data && data.items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          No decisions match.
        </Text>
      )}
      {data?.nextCursor && (
        <Text size="xs" c="dimmed" ta="center" mt="sm">
          Showing the first 200 — narrow the search to find more.
        </Text>
      )}
    </Paper>
  );
}
