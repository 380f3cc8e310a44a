import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where transcripts go by default: $XDG_DATA_HOME/coffeechat/sessions (or ~/.local/share/…). */
export function sessionsDir(): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'coffeechat', 'sessions');
}

/** A default file name: 2026-11-22T09-30-00-startup-engineer-sam.json */
export function defaultSavePath(scenarioId: string, participant: string | null, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/:/g, '-');
  const who = participant ? `-${participant.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}` : '';
  return join(sessionsDir(), `${stamp}-${scenarioId}${who}.json`);
}

/**
 * Write a file atomically: a temp file in the same folder, then rename over the target, so a
 * meeting killed at any moment leaves either the previous complete transcript or the new one.
 */
export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}
