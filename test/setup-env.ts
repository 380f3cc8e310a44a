import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Tests never write into the real ~/.local/share: anything saved to the default place (a second
// meeting in the UI, a CLI run without --save) lands in a fresh folder per test file.
process.env.XDG_DATA_HOME = mkdtempSync(join(tmpdir(), 'cc-test-data-'));
