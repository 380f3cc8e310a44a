import pkg from '../../package.json' with { type: 'json' };
import { printable } from '../io/terminal-text.js';
import { ModelError } from '../nlu/knowledge.js';
import { didYouMean } from '../scenario/diagnostics.js';
import { EXIT, InputError, UsageError, helpText, parse, type Command } from './command.js';

/** The commands, loaded on demand so `--version` and each command load only what they use. */
const COMMANDS: Array<{ name: string; summary: string; load: () => Promise<Command> }> = [
  { name: 'play', summary: 'Play a practice meeting (the terminal UI in a terminal, plain lines otherwise).', load: async () => (await import('./play.js')).playCommand },
  { name: 'score', summary: 'Score scripts (.txt) and saved transcripts (.json) in one batch.', load: async () => (await import('./score.js')).scoreCommand },
  { name: 'outreach', summary: 'Score outreach messages asking for an informational interview.', load: async () => (await import('./letters.js')).outreachCommand },
  { name: 'followup', summary: 'Score thank-you notes sent after the meeting.', load: async () => (await import('./letters.js')).followupCommand },
  { name: 'report', summary: 'Cohort report for counselors: every transcript and message result in a folder.', load: async () => (await import('./report.js')).reportCommand },
  { name: 'analyze', summary: 'Say what kind of turn each line is: open / closed / statement, and its intents.', load: async () => (await import('./analyze.js')).analyzeCommand },
  { name: 'scenarios', summary: 'List, validate and describe scenarios (shipped and your own).', load: async () => (await import('./scenarios.js')).scenariosCommand },
];

const TOP_HELP = `Usage: coffeechat [COMMAND] [OPTIONS]

Rehearse informational interviews: a simulated busy professional, a meeting clock,
and a scored report. With no command, plays the default scenario.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(12)}${c.summary}`).join('\n')}

Options:
  -h, --help     show this help (every command takes --help too)
  -v, --version  print the version (-V too)

Exit codes: 0 all good, 1 some input was bad or failed, 2 usage error.
`;

/** Run the CLI with these arguments; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v' || first === '-V') {
    process.stdout.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  // No command (or only options): play the default scenario.
  if (first === undefined || (first.startsWith('-') && first !== '--help' && first !== '-h')) return main(['play', ...argv]);
  if (first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && rest[0]) return main([rest[0], '--help']);
    process.stdout.write(TOP_HELP);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === first);
  if (!entry) {
    const guess = didYouMean(first, [...COMMANDS.map((c) => c.name), 'help']);
    process.stderr.write(`coffeechat: unknown command '${printable(first)}'${guess ? ` (did you mean '${guess}'?)` : ''}\nTry 'coffeechat --help'.\n`);
    return EXIT.usage;
  }
  const cmd = await entry.load();
  try {
    const { values, positionals } = parse(cmd, rest);
    if (values.help) {
      process.stdout.write(helpText(cmd, entry.summary));
      return EXIT.ok;
    }
    return await cmd.run(values, positionals);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`coffeechat ${cmd.name}: ${printable(err.message)}\nTry 'coffeechat ${cmd.name} --help'.\n`);
      return EXIT.usage;
    }
    if (err instanceof ModelError) {
      process.stderr.write(`coffeechat ${cmd.name}: ${err.message}\n`);
      return EXIT.badInput;
    }
    if (err instanceof InputError) {
      if (err.message) process.stderr.write(`coffeechat ${cmd.name}: ${printable(err.message)}\n`);
      return EXIT.badInput;
    }
    throw err;
  }
}
