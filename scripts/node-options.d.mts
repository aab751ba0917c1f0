// Types of scripts/node-options.mjs, for the TypeScript that imports it (bench/).
export declare function serverNodeOptions(root?: string): string[];
export declare function missingServerNodeOptions(root?: string): string[];
