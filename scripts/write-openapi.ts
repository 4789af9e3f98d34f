import { writeFileSync } from 'node:fs';
import { generateOpenApi } from './openapi.js';

writeFileSync('docs/openapi.json', await generateOpenApi());
console.log('docs/openapi.json written');
