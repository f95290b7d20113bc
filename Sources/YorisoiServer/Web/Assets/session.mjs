import { $, S, api, el, expectJSON, say } from './core.mjs';
import { cancelDraft } from './drafts.mjs';
import { page } from './router.mjs';

// ---------- session ----------
// The server restarts a session's idle clock on every request, so the page keeps its own from
// the server's last answer (S.lastContact) and the idle length the session names — never from
// a time computed once at load. Typing and clicking are activity too: they keep the session
// with a light request when the server has not heard from the page for a while, so the warning
// comes only after real inactivity.
let sessionTimer = null;
let keepalive = null;
async function loadSession() {
  const res = await api('GET', '/api/v1/session');
  S.session = await expectJSON(res);
  $('#account-name').textContent = S.session.account ? S.session.account + ' さん' : '';
  if (sessionTimer) clearInterval(sessionTimer);
  sessionTimer = setInterval(checkSession, 5000);
}
function idleSeconds() { return (S.session && S.session.idle_timeout_seconds) || 1800; }
function secondsLeft() {
  if (!S.session) return Infinity;
  const idleEnd = S.lastContact + idleSeconds() * 1000;
  const end = S.session.expires_at ? Math.min(idleEnd, Date.parse(S.session.expires_at)) : idleEnd;
  return Math.floor((end - Date.now()) / 1000);
}
// Warn before the session ends (WCAG 2.2.1: a way to extend before time runs out): two minutes
// before, or a third of a short idle length.
function warnSeconds() { return Math.min(120, Math.floor(idleSeconds() / 3)); }
function onActivity() {
  if (!S.session || keepalive) return;
  if (Date.now() - S.lastContact < Math.min(60, idleSeconds() / 4) * 1000) return;
  keepalive = api('GET', '/api/v1/session').then(expectJSON).then(x => { S.session = x; })
    .catch(() => {}).finally(() => { keepalive = null; });
}
async function checkSession() {
  const left = secondsLeft();
  const dlg = $('#session-dialog');
  if (left <= 0) {
    // The page's clock may be wrong (a sleeping laptop): ask the server before giving up.
    try { S.session = await expectJSON(await api('GET', '/api/v1/session')); } catch (e) { return; }
    if (dlg.open) dlg.close();
    return;
  }
  if (left <= warnSeconds()) {
    $('#session-left').textContent = left >= 60 ? Math.floor(left / 60) + '分' + (left % 60) + '秒' : left + '秒';
    if (!dlg.open) dlg.showModal();
  } else if (dlg.open) dlg.close();
}
async function extendSession() {
  const res = await api('POST', '/api/v1/session/extend');
  S.session = await expectJSON(res);
  $('#session-dialog').close();
  say('ログインを延長しました。');
}
function clearPage() {
  cancelDraft();
  S.data = null; S.form = null; S.caseId = null; S.diagnostics = []; S.local = {}; S.dirty = false;
  // Messages belong to the case or list they were about.
  $('#status').textContent = ''; $('#status').className = 'status';
  if (S.previewUrl) { URL.revokeObjectURL(S.previewUrl); S.previewUrl = null; }
  $('#main').replaceChildren();
}
function sessionLost() {
  if (sessionTimer) clearInterval(sessionTimer);
  const kept = S.data && S.draftSavedAt ? S.draftSavedAt : null;
  S.session = null;
  clearPage();
  $('#main').append(el('h1', { text: 'ログインが切れました' }),
    kept ? el('p', { id: 'draft-kept', text: kept + ' までに入力した内容は下書きとしてサーバーに残っています。ログインし直して同じケース（新しいプランなら「新しいプラン」）を開くと、続きから書けます。' }) : null,
    el('p', {}, 'もう一度 ', el('a', { href: '/login' }, 'ログイン'), ' してください。'));
  const dlg = $('#session-dialog'); if (dlg.open) dlg.close();
}
async function logout() {
  try { await api('POST', '/logout'); } catch (e) { /* the page is cleared either way */ }
  if (sessionTimer) clearInterval(sessionTimer);
  S.session = null;
  clearPage();
  location.replace('/login');
}

export { sessionTimer, keepalive, loadSession, idleSeconds, secondsLeft, warnSeconds, onActivity, checkSession, extendSession, clearPage, sessionLost, logout };
