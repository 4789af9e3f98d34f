/**
 * The architecture as a check (CI): modules form layers and never import back up, and the shared contracts and
 * pure domain rules never import server code. Uses dependency-cruiser's module graph.
 *
 *   npx tsx scripts/check-layers.ts
 */
import { cruise, type ICruiseResult } from 'dependency-cruiser';

const result = (
  await cruise(['src'], {
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$|^src/web/' },
  })
).output as ICruiseResult;

const moduleOf = (path: string) => path.match(/^src\/modules\/([^/]+)\//)?.[1] ?? null;
const problems: string[] = [];

// 1. Value imports between modules must form layers: no cycle.
const graph = new Map<string, Set<string>>();
for (const m of result.modules) {
  const from = moduleOf(m.source);
  for (const dep of m.dependencies) {
    // Shared or domain code may import from anywhere legitimate; only server paths are checked below.
    if (
      /^src\/(shared|domain)\//.test(m.source) &&
      /^src\/(modules|server|db|cli|seed|jobs|documents)\//.test(dep.resolved)
    )
      problems.push(`${m.source} imports server code ${dep.resolved}`);
    const to = moduleOf(dep.resolved);
    if (!from || !to || from === to) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)?.add(to);
  }
}

// Tarjan's strongly connected components: any component with more than one module is a cycle.
let index = 0;
const stack: string[] = [];
const onStack = new Set<string>();
const indices = new Map<string, number>();
const low = new Map<string, number>();
function strongConnect(v: string) {
  indices.set(v, index);
  low.set(v, index++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!indices.has(w)) {
      strongConnect(w);
      low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, indices.get(w) as number));
  }
  if (low.get(v) === indices.get(v)) {
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) problems.push(`modules import each other in a cycle: ${component.sort().join(' ⇄ ')}`);
  }
}
for (const v of graph.keys()) if (!indices.has(v)) strongConnect(v);

if (problems.length) {
  console.error(`Layer check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Layers hold: ${graph.size} modules, no cycle; shared and domain import no server code.`);
