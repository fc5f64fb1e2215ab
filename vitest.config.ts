import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

const wxtPlugins = ((await WxtVitest()) as Plugin[]).map((plugin): Plugin => ({ ...plugin, enforce: 'pre' }));

export default defineConfig({
  // WxtVitest does not load wxt.config.ts's Vite plugins, so Preact is added here too; `enforce: 'pre'`
  // keeps its import.meta.env defines (see DESIGN.md section 5).
  plugins: [...wxtPlugins, preact()],
  test: {
    reporters: ['default', 'junit'],
    outputFile: { junit: 'test-results/junit.xml' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup/highlight-api.ts', 'tests/unit/setup/intersection-observer.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          // Real browsers share two cores: one file at a time keeps them from starving each other.
          fileParallelism: false,
          testTimeout: 45_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
