// The CLI run from its TypeScript sources (node --import ./tests/support/register-ts.mjs this-file …),
// so that tests exercise src/, cli/ and runtime/ rather than a possibly stale dist/.
import { main } from '../../cli/index.js';

await main(process.argv.slice(2));
