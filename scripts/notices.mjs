// Licence notices for the libraries esbuild bundled into dist/: the bundle is all a user installs,
// so it must carry their copyright and licence texts. Built from esbuild's metafile, so the list
// is exactly what the bundle contains.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package folders (node_modules/…/name) that contributed input files to a build. */
export function bundledPackages(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const i = input.lastIndexOf('node_modules/');
    if (i < 0) continue;
    const rest = input.slice(i + 'node_modules/'.length).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    dirs.add(input.slice(0, i) + 'node_modules/' + name);
  }
  return [...dirs];
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.|-|$)/i;
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The notices text for these package folders: name, version, licence, source, licence texts. */
export function noticesText(dirs) {
  const seen = new Map();
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const key = `${pkg.name}@${pkg.version}`;
    if (seen.has(key)) continue;
    const files = readdirSync(dir).filter((f) => LICENCE_FILE.test(f)).sort(byCodeUnit);
    const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
    const texts = files.map((f) => readFileSync(join(dir, f), 'utf8').trim());
    if (!texts.length) texts.push(`(The package ships no licence file; package.json declares ${pkg.license}${author ? `, author ${author}` : ''}.)`);
    seen.set(key, [`${pkg.name} ${pkg.version} — ${pkg.license ?? 'see below'}`, ...(repo ? [`source: ${repo}`] : []), '', ...texts].join('\n'));
  }
  const rule = '-'.repeat(72);
  const entries = [...seen.entries()].sort((a, b) => byCodeUnit(a[0], b[0])).map(([, text]) => `${rule}\n${text}\n`);
  return `Third-party software in coffeechat\n\ncoffeechat's dist/ files bundle the following ${entries.length} packages. Their copyright\nnotices and licences follow.\n\n${entries.join('\n')}`;
}

/** Write dist/THIRD-PARTY-NOTICES.txt for a build's metafile. */
export async function writeNotices(metafile, outFile) {
  const { writeFile } = await import('node:fs/promises');
  const dirs = bundledPackages(metafile).filter((d) => existsSync(join(d, 'package.json')));
  // Data shipped in models/nlu.json that came from others (the word vectors).
  const data = ['data/nlu/embeddings/NOTICE.md'].filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8').trim());
  const rule = '-'.repeat(72);
  await writeFile(outFile, noticesText(dirs) + data.map((d) => `\n${rule}\nData in models/nlu.json\n\n${d}\n`).join(''));
}
