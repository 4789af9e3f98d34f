/**
 * zod tries `new Function` once to decide whether to compile its fast path. Under the app's CSP (no 'unsafe-eval') the
 * attempt fails quietly, but the browser reports it as a CSP violation on every page that loads a schema. Jitless
 * skips the attempt. zod keeps its settings in this shared object (`z.config` writes to it), so setting it here,
 * imported before anything else in main.tsx, reaches zod before any schema module is evaluated, without loading zod
 * on pages that need none. The server keeps the compiled fast path.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
