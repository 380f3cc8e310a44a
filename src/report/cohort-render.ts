import { DIMENSIONS } from '../scenario/schema.js';
import { DIMENSION_LABEL } from '../scoring/rubric.js';
import type { Cohort } from './cohort.js';
import { csvField } from './formats.js';
import { printable } from '../io/terminal-text.js';
import { bar, plain, type Paint } from './text.js';

const SPARK = '▁▂▃▄▅▆▇█';

/** A sparkline of totals (0–100). */
export function sparkline(totals: number[]): string {
  return totals.map((t) => SPARK[Math.min(7, Math.floor((t / 100) * 8))]).join('');
}

function letterLine(c: Cohort, kind: 'outreach' | 'followup'): string | undefined {
  const mine = c.letters.filter((l) => l.kind === kind);
  if (!mine.length) return undefined;
  const avg = Math.round(mine.reduce((s, l) => s + l.total, 0) / mine.length);
  return `${kind === 'outreach' ? 'Outreach messages' : 'Thank-you notes'}: ${mine.length}, average ${avg}/100`;
}

/** The cohort for a terminal: group bars, each participant's progress, the common mistakes. */
export function renderCohortText(c: Cohort, paint: Paint = plain): string {
  const out: string[] = [];
  const people = c.participants.length;
  out.push(paint('bold', `Cohort report: ${c.attempts.length} meeting${c.attempts.length === 1 ? '' : 's'} by ${people} participant${people === 1 ? '' : 's'}`) + (c.letters.length ? `, ${c.letters.length} message result${c.letters.length === 1 ? '' : 's'}` : ''));
  if (c.attempts.length) {
    out.push('', paint('bold', `Group average: ${c.group.average}/100`));
    for (const d of DIMENSIONS) out.push(`  ${DIMENSION_LABEL[d].padEnd(17)}${bar(c.group.percent[d], 100)} ${String(c.group.percent[d]).padStart(3)}%`);
  }
  for (const k of ['outreach', 'followup'] as const) {
    const l = letterLine(c, k);
    if (l) out.push(`  ${l}`);
  }
  if (people) {
    out.push('', paint('bold', 'Participants'));
    // A loop, not Math.max(...names): a spread of 150,000 arguments overflows the stack.
    let w = 12;
    for (const p of c.participants) w = Math.max(w, printable(p.name).length);
    w += 2;
    for (const p of c.participants) {
      const name = printable(p.name);
      if (!p.attempts.length) {
        out.push(`  ${name.padEnd(w)}no meetings; ${p.letters.length} message result${p.letters.length === 1 ? '' : 's'}`);
        continue;
      }
      const prog = p.attempts.length > 1 ? ` ${p.totals[0]} → ${p.totals[p.totals.length - 1]} (${p.progress >= 0 ? '+' : ''}${p.progress})` : ` ${p.totals[0]}`;
      const weakest = [...DIMENSIONS].sort((a, b) => p.percent[a] - p.percent[b])[0]!;
      out.push(`  ${name.padEnd(w)}${String(p.attempts.length).padStart(2)} attempt${p.attempts.length === 1 ? ' ' : 's'} ${sparkline(p.totals).padEnd(8)} avg ${String(p.average).padStart(3)}  best ${String(p.best).padStart(3)} ${paint(p.progress > 0 ? 'green' : p.progress < 0 ? 'red' : 'dim', prog)}  weakest: ${DIMENSION_LABEL[weakest].toLowerCase()}`);
    }
  }
  if (c.mistakes.length) {
    out.push('', paint('bold', 'Mistakes, most serious first (severity × count)'));
    for (const m of c.mistakes) {
      out.push(`  ${String(m.count).padStart(3)}× ${printable(m.label)} (${m.participants} participant${m.participants === 1 ? '' : 's'})`);
      for (const e of m.examples) {
        const text = printable(e.text);
        out.push(paint('dim', `       ${printable(e.participant)}: "${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`));
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** One CSV row per meeting, in order per participant, with the attempt number. */
export function renderCohortCsv(c: Cohort): string {
  const rows = [['participant', 'attempt', 'file', 'scenario', 'started_at', 'total', ...DIMENSIONS].join(',')];
  for (const p of c.participants) {
    p.attempts.forEach((a, i) => rows.push([p.name, i + 1, a.file, a.scenario, a.startedAt ?? '', a.total, ...DIMENSIONS.map((d) => a.scores[d])].map(csvField).join(',')));
  }
  return `${rows.join('\n')}\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

function barChart(c: Cohort): string {
  const w = 560;
  const rowH = 30;
  const left = 140;
  const h = DIMENSIONS.length * rowH + 10;
  const bars = DIMENSIONS.map((d, i) => {
    const v = c.group.percent[d];
    const y = 5 + i * rowH;
    const bw = ((w - left - 50) * v) / 100;
    return `<text x="${left - 8}" y="${y + 18}" text-anchor="end">${esc(DIMENSION_LABEL[d])}</text><rect x="${left}" y="${y + 4}" width="${(w - left - 50).toFixed(1)}" height="18" fill="#eee"/><rect x="${left}" y="${y + 4}" width="${bw.toFixed(1)}" height="18" fill="#3b6ea5"><title>${esc(DIMENSION_LABEL[d])}: ${v}%</title></rect><text x="${(left + bw + 6).toFixed(1)}" y="${y + 18}">${v}%</text>`;
  }).join('');
  return `<svg role="img" aria-label="Group average per dimension" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" font-size="13">${bars}</svg>`;
}

function lineChart(c: Cohort): string {
  const people = c.participants.filter((p) => p.attempts.length);
  let maxN = 2;
  for (const p of people) maxN = Math.max(maxN, p.attempts.length);
  const w = 560;
  const h = 240;
  const l = 40;
  const r = 20;
  const t = 10;
  const b = 30;
  const x = (i: number) => l + ((w - l - r) * i) / (maxN - 1);
  const y = (v: number) => t + ((h - t - b) * (100 - v)) / 100;
  const grid = [0, 25, 50, 75, 100].map((v) => `<line x1="${l}" x2="${w - r}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${l - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`).join('');
  const ticks = Array.from({ length: maxN }, (_, i) => `<text x="${x(i).toFixed(1)}" y="${h - 10}" text-anchor="middle">${i + 1}</text>`).join('');
  const lines = people.map((p, k) => {
    const color = PALETTE[k % PALETTE.length];
    const pts = p.totals.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const dots = p.totals.map((v, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${color}"><title>${esc(p.name)}, attempt ${i + 1}: ${v}/100</title></circle>`).join('');
    return `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts}"/>${dots}`;
  }).join('');
  const legend = people.map((p, k) => `<span class="key"><span class="swatch" style="background:${PALETTE[k % PALETTE.length]}"></span>${esc(p.name)}</span>`).join(' ');
  return `<svg role="img" aria-label="Total score per participant over attempts" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" font-size="12">${grid}${ticks}${lines}</svg><p class="legend">${legend} <span class="muted">(x: attempt, y: total out of 100)</span></p>`;
}

/** The cohort as one self-contained HTML page with inline SVG charts that prints well. */
export function renderCohortHtml(c: Cohort, title = 'coffeechat cohort report'): string {
  const SHORT: Record<string, string> = { open_questions: 'Open q.', time_discipline: 'Time', no_job_ask: 'No job ask', referrals: 'Referrals', professionalism: 'Prof.' };
  const dimHead = DIMENSIONS.map((d) => `<th title="${esc(DIMENSION_LABEL[d])}">${SHORT[d]}</th>`).join('');
  const rows = c.participants
    .map((p) => `<tr><td>${esc(p.name)}</td><td>${p.attempts.length}</td><td>${p.attempts.length ? p.average : '—'}</td><td>${p.attempts.length ? p.best : '—'}</td><td>${p.attempts.length > 1 ? `${p.progress >= 0 ? '+' : ''}${p.progress}` : '—'}</td>${DIMENSIONS.map((d) => `<td>${p.attempts.length ? `${p.percent[d]}%` : '—'}</td>`).join('')}<td>${p.letters.map((l) => `${l.kind === 'outreach' ? 'outreach' : 'thank-you'}&nbsp;${l.total}`).join('<br>') || '—'}</td></tr>`)
    .join('');
  const mistakes = c.mistakes
    .map((m) => `<li><strong>${esc(m.label)}</strong> — ${m.count}× (${m.participants} participant${m.participants === 1 ? '' : 's'})${m.examples.length ? `<br><span class="muted">${m.examples.map((e) => `${esc(e.participant)}: “${esc(e.text)}”`).join('<br>')}</span>` : ''}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:900px;margin:2rem auto;padding:0 1rem;line-height:1.4}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #ccc;padding:.3rem .45rem;text-align:right}th:first-child,td:first-child{text-align:left}
th{background:#f3f3f3}.muted{color:#666}.legend{font-size:.85rem}.key{margin-right:1rem}.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
svg text{fill:#222}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}svg,table,li{break-inside:avoid}th{background:#eee !important;-webkit-print-color-adjust:exact;print-color-adjust:exact}.swatch,rect,polyline,circle{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
</style></head><body>
<h1>${esc(title)}</h1>
<p>${c.attempts.length} meeting${c.attempts.length === 1 ? '' : 's'} by ${c.participants.length} participant${c.participants.length === 1 ? '' : 's'}${c.letters.length ? `, ${c.letters.length} outreach / follow-up result${c.letters.length === 1 ? '' : 's'}` : ''}. Group average: <strong>${c.group.average}/100</strong>.</p>
<h2>Group average per dimension</h2>
${barChart(c)}
<h2>Progress over attempts</h2>
${lineChart(c)}
<h2>Participants</h2>
<table><thead><tr><th>Participant</th><th>Meetings</th><th>Average</th><th>Best</th><th>Progress</th>${dimHead}<th>Messages</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Mistakes, most serious first</h2>
<ol>${mistakes || '<li>None recorded.</li>'}</ol>
</body></html>
`;
}
