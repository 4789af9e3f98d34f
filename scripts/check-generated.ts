/**
 * Fails when a generated file is out of date: the committed OpenAPI document, or the drizzle migrations
 * (schema changed without `npm run generate`). CI runs this on a clean clone.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { generateOpenApi } from './openapi.js';

let failed = false;

const committed = readFileSync('docs/openapi.json', 'utf8');
if (committed !== (await generateOpenApi())) {
  console.error('docs/openapi.json is out of date: run `npm run generate` and commit the result.');
  failed = true;
}

const output = execFileSync('npx', ['drizzle-kit', 'generate', '--name', 'drift_check'], { encoding: 'utf8' });
const changed = execFileSync('git', ['status', '--porcelain', '--', 'src/db/migrations'], { encoding: 'utf8' }).trim();
if (changed) {
  console.error(`The database schema has changes without a migration:\n${changed}\n${output}`);
  console.error('Run `npm run generate` and commit the new migration.');
  // Leave the tree as it was.
  execFileSync('git', ['checkout', '--', 'src/db/migrations']);
  execFileSync('git', ['clean', '-fq', '--', 'src/db/migrations']);
  failed = true;
}

if (failed) process.exit(1);
console.log('Generated files are up to date (OpenAPI document, migrations).');
