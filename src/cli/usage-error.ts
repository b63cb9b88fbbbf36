/** A problem with what the user typed: shown as one clear line, exit status 2. */
export class CliUsageError extends Error {}
