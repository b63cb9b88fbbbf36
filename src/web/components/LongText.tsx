import { Textarea, type TextareaProps } from "@mantine/core";
import { LIMITS } from "../../contract/common.ts";

/** Long free text: the API's limit is enforced as the member types, with a count as they near it. */
export function LongText({ limit = LIMITS.text, ...props }: TextareaProps & { limit?: number }) {
  const length = typeof props.value === "string" ? props.value.length : 0;
  return (
    <Textarea
      autosize
      maxLength={limit}
      {...props}
      description={
        length > limit * 0.8
          ? `${length.toLocaleString("en")} of ${limit.toLocaleString("en")} characters`
          : props.description
      }
    />
  );
}
