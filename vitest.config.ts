import { defineConfig } from 'vitest/config';

// Unit tests of the pure core and the build-time code, in Node. Browser tests live in tests/e2e.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The core's text analysis for both languages, as the build has it (the browser loads one).
    setupFiles: ['src/core/search/languages/all.ts'],
  },
});
