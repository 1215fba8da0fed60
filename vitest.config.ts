import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'tests/**/*.test.ts', 'runtime/**/*.test.ts', 'bench/**/*.test.ts'],
    // Differential tests wait for python3 and spawn node processes; on a busy
    // two-core machine five seconds is not enough for them.
    testTimeout: 60_000,
  },
});
