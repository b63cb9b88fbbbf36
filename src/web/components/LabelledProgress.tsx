import { Progress, type ProgressRootProps } from "@mantine/core";

/**
 * A progress bar with a name: Mantine puts the progressbar role on the inner section, so the label must go
 * there for a screen reader to say what is measured.
 */
export function LabelledProgress({
  label,
  value,
  color,
  animated,
  ...root
}: ProgressRootProps & { label: string; value: number; color?: string; animated?: boolean }) {
  return (
    <Progress.Root {...root}>
      <Progress.Section value={value} color={color} animated={animated} aria-label={label} />
    </Progress.Root>
  );
}
