import { Button, Code, CopyButton, Group } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A secret shown once (a link, a token, a signing key: only its hash, or nothing, is kept), with a copy button
 * beside whatever else the form offers.
 */
export function OneTimeLink({
  url,
  testId,
  copyLabel = "Copy link",
  children,
}: {
  url: string;
  testId: string;
  copyLabel?: string;
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
              {copied ? "Copied" : copyLabel}
            </Button>
          )}
        </CopyButton>
        {children}
      </Group>
    </>
  );
}
