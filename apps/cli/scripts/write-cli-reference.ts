// Writes docs/cli.md from the command definitions.
import { writeFile } from 'node:fs/promises';
import { renderCliReference } from '../src/cli-reference.js';

const target = new URL('../../../docs/cli.md', import.meta.url);
await writeFile(target, renderCliReference());
console.log(`wrote ${target.pathname}`);
