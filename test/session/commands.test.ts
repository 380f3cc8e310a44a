import { describe, expect, it } from 'vitest';
import { commandHelpLines, MEETING_COMMANDS, parseLine, unknownCommandText } from '../../src/session/commands.js';

describe('meeting commands (one definition for the UI, plain mode and scripts)', () => {
  it('reads known commands with their aliases, any case, arguments ignored', () => {
    expect(parseLine('/end')).toEqual({ kind: 'command', name: 'end' });
    expect(parseLine('  /QUIT  ')).toEqual({ kind: 'command', name: 'end' });
    expect(parseLine('/notes please')).toEqual({ kind: 'command', name: 'notes' });
    expect(parseLine('/help')).toEqual({ kind: 'command', name: 'help' });
  });

  it('an unknown /command is never something to say', () => {
    expect(parseLine('/hlep')).toEqual({ kind: 'unknown', word: '/hlep' });
    expect(parseLine('/')).toEqual({ kind: 'unknown', word: '/' });
    expect(unknownCommandText('/hlep')).toBe('/hlep: unknown command — /help lists them');
  });

  it('anything else is said; blank lines are nothing', () => {
    expect(parseLine('  What does a typical day look like? ')).toEqual({ kind: 'say', text: 'What does a typical day look like?' });
    expect(parseLine('I read about it in a /r/cscareers thread')).toMatchObject({ kind: 'say' });
    expect(parseLine('   ')).toEqual({ kind: 'empty' });
  });

  it('the help lists every command, aligned', () => {
    expect(commandHelpLines()).toEqual([
      '/end    end the meeting and see your report',
      '/notes  what the contact has told you so far, by topic, and any names they gave',
      '/help   list these commands',
    ]);
    expect(commandHelpLines()).toHaveLength(MEETING_COMMANDS.length);
  });
});
