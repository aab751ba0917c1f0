// Types of scripts/dist.mjs, for the TypeScript that imports it (bench/scenarios/footprint.ts, tests).
export declare const ROOT: string;
export declare const DIST_DIR: string;
export declare const DIST_MAIN: string;
export declare const BUILD_INFO: string;
export declare function sourceFingerprint(root?: string): string;
export declare function distStaleReason(root?: string): string | null;
export declare function freshDistMain(root?: string): string | null;
