export const serverBundle: string;
export function serverBundleIsCurrent(): boolean;
export function buildServerIfStale(): Promise<void>;
