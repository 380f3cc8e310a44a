import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { sessionsDir } from '../src/session/save.js';

describe('the test environment', () => {
  it('sends default transcripts to a temporary folder, never ~/.local/share', () => {
    expect(process.env.XDG_DATA_HOME?.startsWith(tmpdir())).toBe(true);
    expect(sessionsDir().startsWith(tmpdir())).toBe(true);
  });
  it('does not inherit NO_COLOR, CI or the user scenario folders from the caller', () => {
    expect(process.env.NO_COLOR).toBe('');
    expect(process.env.CI).toBe('false');
    expect(process.env.COFFEECHAT_SCENARIOS).toBe('');
  });
});
