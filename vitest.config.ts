import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests never write into the user's ~/.local/share: default transcripts go to a fresh folder.
const xdgData = mkdtempSync(join(tmpdir(), 'cc-test-xdg-'));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 20_000,
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-env.ts'],
    // Hermetic: the same results whatever the caller's environment says. Ink's colours are part of
    // what the UI tests check (FORCE_COLOR wins over everything in chalk); NO_COLOR is off
    // (empty counts as unset, per no-color.org); CI and CONTINUOUS_INTEGRATION off, or Ink renders
    // only the last frame. CLI tests turn colour off per run.
    env: {
      FORCE_COLOR: '1',
      NO_COLOR: '',
      CI: 'false',
      CONTINUOUS_INTEGRATION: 'false',
      XDG_DATA_HOME: xdgData,
      COFFEECHAT_SCENARIOS: '',
      COFFEECHAT_DEBUG: '',
      COFFEECHAT_MODEL: '',
      COFFEECHAT_RUBRIC: '',
    },
  },
});
