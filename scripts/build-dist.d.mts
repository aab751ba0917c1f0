// Types of scripts/build-dist.mjs, for the TypeScript that imports it (bench, tests).
export declare function buildDist(options?: { root?: string; outDir?: string }): Promise<{
  files: number;
  ms: number;
}>;
