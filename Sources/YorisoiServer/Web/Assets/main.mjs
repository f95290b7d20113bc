import { $, $$, ApiError, KIND_TITLES, S, api, busy, expectJSON, say } from './core.mjs';
import { route } from './router.mjs';
import { checkSession, extendSession, idleSeconds, loadSession, logout, onActivity, secondsLeft } from './session.mjs';

// ---------- start ----------
function start() { return busy(startNow); }
async function startNow() {
  $('#logout').addEventListener('click', logout);
  $('#session-extend').addEventListener('click', () => extendSession().catch(e => say(e.message, 'error')));
  $('#session-close').addEventListener('click', () => $('#session-dialog').close());
  // Leaving with unsaved edits asks first; nothing is kept anywhere once the page is gone.
  window.addEventListener('beforeunload', e => { if (S.dirty && !S.readOnly) { e.preventDefault(); e.returnValue = ''; } });
  for (const type of ['keydown', 'pointerdown', 'input']) document.addEventListener(type, onActivity, { capture: true, passive: true });
  try {
    await loadSession();
    S.templates = await expectJSON(await api('GET', '/api/v1/templates'));
    for (const t of S.templates) Object.assign(KIND_TITLES, t.titles || {});
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) say(e.message, 'error');
    return;
  }
  // Skip links move the focus; they must not change the address (the router owns it).
  for (const a of $$('a.skip')) a.addEventListener('click', e => { e.preventDefault(); skipTo(a.dataset.skip); });
  // The editor's actions are one key away from anywhere in a long form (Alt+T).
  document.addEventListener('keydown', e => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 't' || e.key === 'T')) { e.preventDefault(); skipTo('toolbar'); }
  });
  window.addEventListener('hashchange', route);
  await route();
}
// The main content, or the first control of the editor's toolbar (the main content when no
// case is open).
function skipTo(where) {
  const first = where === 'toolbar' ? $('.toolbar select, .toolbar button') : null;
  const target = first || $('#main');
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
}
document.addEventListener('DOMContentLoaded', start);

// For the browser test (and for support staff at a console): the page's state and its session
// clock. Nothing here holds more than the page already shows.
window.yorisoiPage = { state: S, checkSession, idleSeconds, secondsLeft };
