/** A day in milliseconds: dates here are calendar days, so no daylight-saving subtlety applies. */
export const DAY_MS = 86_400_000;
