// Use as `node --import ./tests/support/register-ts.mjs file.ts`.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
