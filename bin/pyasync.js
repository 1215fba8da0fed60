#!/usr/bin/env node
// The built CLI (npm run build, which `npm install` runs via prepare).
import { main } from '../dist/cli/index.js';

await main(process.argv.slice(2));
