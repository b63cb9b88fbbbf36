export const serverBundle: string;
export function serverBundleIsCurrent(): boolean;
export function buildServerIfStale(): Promise<void>;
export function newestMtime(dir: string, skip?: string[]): number;
