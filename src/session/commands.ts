/**
 * The slash commands understood during a meeting, defined once for every front end: the terminal
 * UI, plain line mode and replayed scripts (`coffeechat score`) all parse lines with `parseLine`,
 * so a line means the same thing wherever it is typed.
 */

/** A command's canonical name. */
export type CommandName = 'end' | 'notes' | 'help';

/** One meeting command: its name, other spellings, and one line of help. */
export interface MeetingCommand {
  name: CommandName;
  aliases: readonly string[];
  help: string;
}

/** Every meeting command, in the order `/help` lists them. */
export const MEETING_COMMANDS: readonly MeetingCommand[] = [
  { name: 'end', aliases: ['quit'], help: 'end the meeting and see your report' },
  { name: 'notes', aliases: [], help: 'what the contact has told you so far, by topic, and any names they gave' },
  { name: 'help', aliases: [], help: 'list these commands' },
];

/** What a typed line is: something to say, a known command, an unknown command, or nothing. */
export type ParsedLine =
  | { kind: 'say'; text: string }
  | { kind: 'command'; name: CommandName }
  | { kind: 'unknown'; word: string }
  | { kind: 'empty' };

/**
 * Read one typed line. A line whose first character is "/" is a command (its first word names
 * it, the rest is ignored), never something said to the contact.
 */
export function parseLine(raw: string): ParsedLine {
  const text = raw.trim();
  if (!text) return { kind: 'empty' };
  if (!text.startsWith('/')) return { kind: 'say', text };
  const word = text.split(/\s+/)[0]!.toLowerCase();
  const name = word.slice(1);
  const cmd = MEETING_COMMANDS.find((c) => c.name === name || c.aliases.includes(name));
  return cmd ? { kind: 'command', name: cmd.name } : { kind: 'unknown', word };
}

/** The answer to an unknown command, e.g. "/hlep: unknown command — /help lists them". */
export function unknownCommandText(word: string): string {
  return `${word}: unknown command — /help lists them`;
}

/** The command list as aligned lines: "/end    end the meeting and see your report". */
export function commandHelpLines(): string[] {
  const width = Math.max(...MEETING_COMMANDS.map((c) => c.name.length + 1)) + 2;
  return MEETING_COMMANDS.map((c) => `/${c.name}`.padEnd(width) + c.help);
}
