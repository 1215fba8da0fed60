// `npm run bench:test`: the benchmark programs' output check alone (the
// root vitest.config.ts decides whether `npm test` runs it too).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
