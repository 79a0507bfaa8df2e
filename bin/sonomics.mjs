#!/usr/bin/env node
// The `sonomics` command. Sources are TypeScript run through tsx, so a fresh clone
// needs only `npm ci` (no build step) before this works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
