import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
} from "@mantine/core";
import { LIMITS } from "../../contract/common.ts";

/**
 * Mantine's palettes with their dark end (shades 7–9) deepened until text in them reads at WCAG AA (4.5:1 and
 * more) on white, on the page's grey and on the palette's own lightest tint. Filled buttons and badges use
 * shade 8, text colours 7–9, so every coloured word in the app is readable.
 */
const readable = (color: keyof typeof DEFAULT_THEME.colors, dark: [string, string, string]) =>
  [...(DEFAULT_THEME.colors[color] ?? []).slice(0, 7), ...dark] as unknown as MantineColorsTuple;

export const theme = createTheme({
  primaryColor: "cyan",
  primaryShade: 8,
  colors: {
    cyan: readable("cyan", ["#0d7889", "#0a6c7c", "#095c6c"]),
    orange: readable("orange", ["#b74c05", "#a94109", "#96320a"]),
    red: readable("red", ["#cc3535", "#bc2929", "#a12222"]),
    teal: readable("teal", ["#097e5b", "#077050", "#065f44"]),
    grape: readable("grape", ["#a53bbf", "#9433ac", "#7f2c94"]),
    green: readable("green", ["#277e37", "#217030", "#1e5f2b"]),
    yellow: readable("yellow", ["#9a6400", "#925500", "#834400"]),
    blue: readable("blue", ["#186eba", "#1662a9", "#14538e"]),
  },
  fontFamily:
    "Inter, -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
  defaultRadius: "md",
  components: {
    Button: { defaultProps: { radius: "md" } },
    Paper: { defaultProps: { radius: "lg" } },
    // The API's limits, enforced as the member types: a name-like field holds 200 characters, free text 10,000.
    // An input whose field allows more (an option's notes, an action) says so itself.
    TextInput: { defaultProps: { maxLength: LIMITS.name } },
    Textarea: { defaultProps: { maxLength: LIMITS.text } },
  },
});

/** Secondary ("dimmed") text dark enough to read at AA on white and on the page's grey. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "#5c636a" },
  dark: {},
});
