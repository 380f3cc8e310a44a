import { briefingOf } from '../report/briefing.js';
import { briefingLayout } from './briefing-layout.js';
import type { Key } from './keys.js';
import { meetingLayout } from './meeting-layout.js';
import { reportLayout } from './report-layout.js';
import { screenHeight } from './rows.js';
import type { UiStore } from './store.js';

/** Rows one wheel step scrolls. */
const WHEEL = 3;

function picker(store: UiStore, k: Key): void {
  const { filter } = store.getState();
  if (k.name === 'up' || k.name === 'wheelup') store.movePick(-1);
  else if (k.name === 'down' || k.name === 'wheeldown' || k.name === 'tab') store.movePick(1);
  else if (k.name === 'pageup') store.movePick(-5);
  else if (k.name === 'pagedown') store.movePick(5);
  else if (k.name === 'home') store.movePick(-Infinity);
  else if (k.name === 'end') store.movePick(Infinity);
  else if (k.name === 'enter') store.choose();
  else if (k.name === 'escape') {
    // Esc clears a filter; on an empty one it quits, as q does.
    if (filter) store.setFilter('');
    else store.exit(0);
  } else if (k.name === 'backspace') store.setFilter(k.meta ? '' : [...filter].slice(0, -1).join(''));
  else if (k.name === 'char' && k.ctrl && (k.text === 'u' || k.text === 'w')) store.setFilter('');
  else if (k.name === 'text') {
    if (!filter && k.text === 'q') store.exit(0);
    else store.setFilter((filter + k.text.replace(/[^\p{L}\p{N} '-]/gu, '')).replace(/^\s+/, ''));
  }
}

function briefing(store: UiStore, k: Key): void {
  const s = store.getState();
  if (k.name === 'enter') return store.start();
  // Typing starts the meeting with what was typed (a first question typed ahead is not lost).
  if (k.name === 'text' && k.text.trim() !== '') {
    store.start();
    if (store.getState().screen === 'meeting') meeting(store, k);
    return;
  }
  if (k.name === 'escape') return store.back();
  if (!s.selected) return;
  const layout = briefingLayout(briefingOf(s.selected.scenario), s.picked, s.columns, screenHeight(s.rows), s.briefingTop);
  const step = { up: -1, down: 1, wheelup: -WHEEL, wheeldown: WHEEL, pageup: -layout.page, pagedown: layout.page } as Partial<Record<Key['name'], number>>;
  const delta = step[k.name];
  if (delta !== undefined) store.scrollBriefing(Math.max(0, Math.min(layout.maxTop, layout.top + delta)));
}

function meeting(store: UiStore, k: Key): void {
  const s = store.getState();
  if (s.confirmEnd) {
    if (k.name === 'text' && /^y/i.test(k.text)) store.end();
    else if (k.name === 'escape' || k.name === 'enter' || (k.name === 'text' && /^n/i.test(k.text))) store.cancelEnd();
    return;
  }
  const scroll = (rows: (page: number) => number) => {
    // Laid out only for keys that scroll: typing never measures the conversation.
    const layout = meetingLayout(s, screenHeight(s.rows));
    const delta = rows(layout.page);
    // Conversation: rows hidden below the view grow upwards; notes: the first row grows downwards.
    if (s.panel === 'notes') store.scrollNotes(Math.max(0, Math.min(layout.maxScroll, layout.start - delta)));
    else store.scrollConversation(Math.max(0, Math.min(layout.maxScroll, s.scroll + delta)));
  };
  switch (k.name) {
    case 'pageup':
      return scroll((page) => page);
    case 'pagedown':
      return scroll((page) => -page);
    case 'up':
      return scroll(() => 1);
    case 'down':
      return scroll(() => -1);
    case 'wheelup':
      return scroll(() => WHEEL);
    case 'wheeldown':
      return scroll(() => -WHEEL);
    case 'tab':
      return store.toggleHints();
    case 'escape':
      if (s.panel === 'notes') store.toggleNotes();
      else if (s.draft.text) store.clearDraft();
      else if (s.ended) store.end();
      else store.askEnd();
      return;
    case 'enter':
      if (s.ended) store.end();
      else store.submit();
      return;
  }
  if (!s.ended) store.edit(k);
}

function report(store: UiStore, k: Key): void {
  const s = store.getState();
  if (k.name === 'text' && k.text === 'q') return store.exit(0);
  if (k.name === 'text' && k.text === 'r') return store.again();
  if (!s.score) return;
  const layout = reportLayout(s.score, store.transcript()?.turns ?? [], s.savedTo, s.columns, screenHeight(s.rows), s.reportTop);
  const to = (top: number) => store.scrollReport(Math.max(0, Math.min(layout.maxTop, top)));
  if (k.name === 'up') to(layout.top - 1);
  else if (k.name === 'down') to(layout.top + 1);
  else if (k.name === 'wheelup') to(layout.top - WHEEL);
  else if (k.name === 'wheeldown') to(layout.top + WHEEL);
  else if (k.name === 'pageup') to(layout.top - layout.page);
  else if (k.name === 'pagedown') to(layout.top + layout.page);
  else if (k.name === 'home') to(0);
  else if (k.name === 'end') to(layout.maxTop);
}

/**
 * Handle one key on whatever screen is showing. Keys go to the store, never to a component's
 * own state, so a key that arrives while React has not yet drawn the screen it belongs to (a
 * burst, fast typing right after Enter) still counts.
 */
export function pressKey(store: UiStore, k: Key): void {
  const s = store.getState();
  if (s.quit) return;
  // Ctrl-C anywhere: end the meeting safely (the transcript is saved), then leave with 130.
  if (k.name === 'char' && k.ctrl && k.text === 'c') return store.exit(130);
  if (s.screen === 'picker') picker(store, k);
  else if (s.screen === 'briefing') briefing(store, k);
  else if (s.screen === 'meeting') meeting(store, k);
  else report(store, k);
}
