import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // The model is loaded once per test file; files that embed are slow on 2 cores, so give them room.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two workers match the 2-core CI machine; more would only fight over the CPU the model needs.
    pool: 'forks',
    maxWorkers: 2,
    // One onnxruntime thread per worker: two workers with two threads each would only oversubscribe 2 cores.
    env: { RAPPORTEUR_THREADS: '1' },
  },
});
