import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { LongText } from "../../components/LongText.tsx";
import { showErrorsOn } from "../../lib/errors.ts";
import { accountsQuery } from "../accounts/api.ts";
import { useCreateDecision } from "./api.ts";

interface Values {
  accountId: string | null;
  accountName: string;
  title: string;
  statement: string;
  targetDate: string;
}

/** Start a decision in the customer's terms: whose decision, what they want to achieve, what is wrong today. */
export function NewDecisionModal({
  opened,
  onClose,
  accountId,
}: {
  opened: boolean;
  onClose: () => void;
  accountId?: string;
}) {
  const [accountMode, setAccountMode] = useState<"existing" | "new">("existing");
  const accounts = useQuery({ ...accountsQuery(), enabled: opened });
  // With no account yet, "existing" has nothing to pick: start on naming a new customer — unless the
  // decision is for a given account, or the member chose for themselves.
  const chosen = useRef(false);
  const noAccounts = !accountId && accounts.isSuccess && accounts.data.items.length === 0;
  useEffect(() => {
    if (!chosen.current) setAccountMode(noAccounts ? "new" : "existing");
  }, [noAccounts]);
  const navigate = useNavigate();
  const form = useForm<Values>({
    initialValues: {
      accountId: accountId ?? null,
      accountName: "",
      title: "",
      statement: "",
      targetDate: "",
    },
    validate: {
      title: (v) => (v.trim() ? null : "Name the decision in the customer's terms"),
      accountId: (v) => (accountMode === "existing" && !v ? "Pick the customer" : null),
      accountName: (v) => (accountMode === "new" && !v.trim() ? "Name the customer" : null),
    },
  });
  const create = useCreateDecision({
    onSuccess: async (decision) => {
      form.reset();
      onClose();
      await navigate({ to: "/decisions/$id", params: { id: decision.id } });
    },
    onError: (error) =>
      showErrorsOn(form, error, "Could not create the decision", (path) =>
        path === "problem.statement" ? "statement" : path,
      ),
  });
  return (
    <Modal opened={opened} onClose={onClose} title="New decision" size="lg">
      <form
        onSubmit={form.onSubmit((values) =>
          create.mutate({
            account: accountMode === "new" ? { name: values.accountName } : { id: values.accountId! },
            title: values.title,
            ...(values.statement.trim() ? { problem: { statement: values.statement } } : {}),
            ...(values.targetDate ? { targetDate: values.targetDate } : {}),
          }),
        )}
      >
        <Stack>
          {!accountId && (
            <Stack gap={6}>
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  Customer
                </Text>
                <SegmentedControl
                  size="xs"
                  value={accountMode}
                  onChange={(v) => {
                    chosen.current = true;
                    setAccountMode(v as "existing" | "new");
                  }}
                  data={[
                    { value: "existing", label: "Existing account" },
                    { value: "new", label: "New account" },
                  ]}
                />
              </Group>
              {accountMode === "existing" ? (
                <Select
                  aria-label="Account"
                  placeholder={
                    accounts.data?.items.length ? "Pick an account" : "No accounts yet — add a new one"
                  }
                  searchable
                  data={(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
                  {...form.getInputProps("accountId")}
                />
              ) : (
                <TextInput
                  aria-label="Account name"
                  placeholder="Contoso Manufacturing"
                  {...form.getInputProps("accountName")}
                />
              )}
            </Stack>
          )}
          <TextInput
            label="The decision, in the customer's terms"
            description='What they want to achieve, e.g. "Close the books in 5 days, not 12" — not "Contoso ERP deal".'
            {...form.getInputProps("title")}
          />
          <LongText
            label="What problem are they trying to solve?"
            description="In their words, if you have them. You can add who said it later."
            autosize
            minRows={3}
            {...form.getInputProps("statement")}
          />
          <TextInput
            type="date"
            label="By when do they want to decide?"
            w={220}
            {...form.getInputProps("targetDate")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create decision
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
