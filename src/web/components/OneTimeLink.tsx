import { Button, Code, CopyButton, Group } from "@mantine/core";
import type { ReactNode } from "react";

/** A secret link shown once (only its hash is kept), with a copy button beside whatever else the form offers. */
export function OneTimeLink({
  url,
  testId,
  children,
}: {
  url: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <>
      <Code block data-testid={testId}>
        {url}
      </Code>
      <Group justify="flex-end">
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? "Copied" : "Copy link"}
            </Button>
          )}
        </CopyButton>
        {children}
      </Group>
    </>
  );
}
