import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, sep } from 'node:path';
import { stdStream, WriteProblem, writeOutput } from '../io/write-file.js';

/**
 * Where transcripts go by default: $XDG_DATA_HOME/coffeechat/sessions, or ~/.local/share/….
 * A relative XDG_DATA_HOME is ignored, as the XDG Base Directory spec requires.
 */
export function sessionsDir(): string {
  const xdg = process.env.XDG_DATA_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.local', 'share');
  return join(base, 'coffeechat', 'sessions');
}

/**
 * A fresh transcript file name: 2026-11-22T09-30-00.123-startup-engineer-sam-3f9a1c.json.
 * Milliseconds and a random suffix, so meetings started together never share a name (and the file
 * is created exclusively on top of that).
 */
export function transcriptName(scenarioId: string, participant: string | null, now = new Date()): string {
  const stamp = now.toISOString().replace(/Z$/, '').replace(/:/g, '-');
  const who = participant ? participant.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) : '';
  return `${stamp}-${scenarioId}${who ? `-${who}` : ''}-${randomBytes(3).toString('hex')}.json`;
}

/** Where to save a meeting's transcript: a file to create, or a folder to create a fresh name in. */
export type SaveTarget = { file: string } | { folder: string };

/** A transcript that could not be saved, with the path and the reason. */
export class SaveProblem extends Error {}

/**
 * The transcript file of one meeting. The first write creates the file exclusively (an existing
 * file is never silently replaced, and two meetings never write one file); later writes replace it
 * atomically. A device such as /dev/null is written directly.
 */
export class TranscriptFile {
  private created = false;

  private constructor(
    /** The path written to. */
    public path: string,
    private readonly generated: { folder: string; scenarioId: string; participant: string | null } | undefined,
  ) {}

  /**
   * Resolve a save target. `--save DIR` (an existing folder, or a path ending in a separator) gets
   * a generated name inside it. Throws SaveProblem for `-` and for an existing regular file.
   */
  static open(target: SaveTarget, scenarioId: string, participant: string | null): TranscriptFile {
    if ('folder' in target) return new TranscriptFile(join(target.folder, transcriptName(scenarioId, participant)), { folder: target.folder, scenarioId, participant });
    const path = target.file;
    if (stdStream(path) !== undefined) throw new SaveProblem(`cannot save the transcript to '${path}': the meeting itself is written there; give a file or a folder`);
    let isDir = path.endsWith(sep) || path.endsWith('/');
    try {
      const st = statSync(path);
      isDir = st.isDirectory();
      if (st.isFile()) throw new SaveProblem(`${path} already exists; give a new file name, or a folder to save a fresh file in`);
    } catch (err) {
      if (err instanceof SaveProblem) throw err;
      // Does not exist yet: a new file (or a new folder when it ends in a separator).
    }
    if (isDir) return TranscriptFile.open({ folder: path }, scenarioId, participant);
    return new TranscriptFile(path, undefined);
  }

  /** Write the whole transcript. Throws WriteProblem; the previous complete version stays on disk. */
  write(content: string): void {
    if (this.created) return writeOutput(this.path, content);
    for (let attempt = 0; ; attempt++) {
      try {
        writeOutput(this.path, content, { mkdir: true, exclusive: true });
        this.created = true;
        return;
      } catch (err) {
        // Someone else took this exact generated name: pick another one.
        if (err instanceof WriteProblem && err.message === 'already exists' && this.generated && attempt < 5) {
          this.path = join(this.generated.folder, transcriptName(this.generated.scenarioId, this.generated.participant));
          continue;
        }
        throw err;
      }
    }
  }
}
