// Counts Prisma's query-plan compilations. Prisma caches the plan of each query shape, so a steady
// interaction should compile nothing; a query that misses the cache (a batch that holds a raw
// statement, for one) is compiled by the WebAssembly query compiler on every call, which costs
// more than running it. The benchmarks report compilations per operation to keep that at zero.
// This reaches into Prisma's runtime module: when its shape changes the counter reports null.
const RUNTIMES = {
  sqlite: "@prisma/client/runtime/query_compiler_fast_bg.sqlite.mjs",
  postgresql: "@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs",
} as const;

let compilations = 0;
const patched = new Set<string>();

export async function countPlanCompilations(provider: keyof typeof RUNTIMES): Promise<{ count: () => number | null }> {
  if (!patched.has(provider)) {
    const runtime = (await import(RUNTIMES[provider])) as Record<string, unknown>;
    for (const value of Object.values(runtime)) {
      const proto = (value as { prototype?: Record<string, unknown> } | undefined)?.prototype;
      if (typeof value !== "function" || !proto || typeof proto["compile"] !== "function") continue;
      for (const method of ["compile", "compileBatch"]) {
        const original = proto[method] as (query: string) => unknown;
        proto[method] = function (this: unknown, query: string) {
          compilations += 1;
          return original.call(this, query);
        };
      }
      patched.add(provider);
    }
  }
  return { count: () => (patched.has(provider) ? compilations : null) };
}
