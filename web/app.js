// よりそい staff page. Vanilla JS, no outside resources. Personal data lives only in this page's
// memory and on its own server: nothing goes to localStorage/sessionStorage/cookies (the session
// cookie is the server's, HttpOnly), and URLs carry case IDs only.
'use strict';

const S = {
  session: null,        // {account, expires_at, idle_expires_at, csrf_token}
  templates: [],        // [{municipality, name, kinds}]
  form: null,           // form description of the open case
  data: null,           // the open case (plain object, the case file as JSON)
  caseId: null,         // saved case ID, null for a new unsaved case
  version: null,        // version shown
  readOnly: false,
  kind: 'support-plan',
  diagnostics: [],      // last server diagnostics
  local: {},            // pointer -> local (client-side) error message, e.g. unreadable date
  composing: false,
  validateTimer: null,
  validateSeq: 0,
  previewUrl: null,
  dirty: false,
  lastContact: 0,       // Date.now() of the server's last answer (each request restarts its idle clock)
  routedHash: null,     // the address the page shows (to go back to when leaving is cancelled)
};

// ---------- small helpers ----------
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
// A result or refusal is written where the eye is: beside the editor's actions (inside the
// sticky toolbar, announced) when a case is open, else in the status line under the menu.
function say(text, kind = 'info') {
  const near = $('#action-result');
  const s = near || $('#status');
  s.className = 'status ' + kind;
  s.textContent = text;
  if (near) { $('#status').textContent = ''; $('#status').className = 'status'; }
}

// The page's own "settled" signal: <html data-busy="N"> counts the operations that are still
// rebuilding the page (a route, a form switch, a save that reopens the case). Scripts and the
// browser tests wait for 0 instead of guessing a time; an element found while it is 0 is not
// replaced behind their back.
let busyCount = 0;
function markBusy(delta) {
  busyCount += delta;
  document.documentElement.dataset.busy = String(busyCount);
}
async function busy(fn) {
  markBusy(1);
  try { return await fn(); } finally { markBusy(-1); }
}

// ---------- server calls ----------
class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || ('サーバーがエラーを返しました（' + status + '）'));
    this.status = status;
    this.body = body;
  }
}
async function api(method, path, { body, type = 'application/json', accept = 'application/json', headers = {} } = {}) {
  const h = Object.assign({ 'Accept': accept }, headers);
  if (method !== 'GET' && S.session) h['X-CSRF-Token'] = S.session.csrf_token;
  let payload;
  if (body !== undefined) {
    h['Content-Type'] = type;
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers: h, body: payload, credentials: 'same-origin', cache: 'no-store' });
  if (res.status === 401) { sessionLost(); throw new ApiError(401, null); }
  S.lastContact = Date.now();
  return res;
}
async function json(res) {
  const text = await res.text();
  try { return text ? JSON.parse(text) : null; } catch (e) { return null; }
}
async function expectJSON(res) {
  const body = await json(res);
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

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

// ---------- drafts (work in progress, kept on the server) ----------
// Every edit is kept as the account's draft of this case within seconds (never in browser
// storage), and offered back when the case (or a new plan) is opened again. Saving the case
// drops it on the server. <html data-draft> says where the latest edit is: "pending" (not yet
// on the server), "saved" or "none" — the browser tests wait on it.
const DRAFT_DELAY = 1500;
let draftTimer = null, draftInFlight = null, draftState = 'none';
function setDraftState(state, text) {
  draftState = state;
  document.documentElement.dataset.draft = state;
  const d = $('#draft-state'); if (d && text !== undefined) d.textContent = text;
}
function draftKey() { return S.caseId || 'new:plan'; }
function scheduleDraft() {
  if (S.readOnly || !S.data) return;
  if (draftTimer) clearTimeout(draftTimer);
  setDraftState('pending');
  draftTimer = setTimeout(() => { draftTimer = null; saveDraft(); }, DRAFT_DELAY);
}
function cancelDraft() {
  if (draftTimer) { clearTimeout(draftTimer); draftTimer = null; }
  S.draftSavedAt = null;
  setDraftState('none', '');
}
async function saveDraft() {
  if (draftTimer) { clearTimeout(draftTimer); draftTimer = null; }
  if (!S.data || S.readOnly || !S.dirty) return;
  if (draftInFlight) await draftInFlight;
  const q = '?kind=' + encodeURIComponent(S.kind) + '&municipality=' + encodeURIComponent(S.data.municipality) +
    (S.caseId && S.version ? '&base_version=' + S.version : '');
  const path = '/api/v1/drafts/' + encodeURIComponent(draftKey()) + q;
  draftInFlight = (async () => {
    try {
      const res = await api('PUT', path, { body: caseBody() });
      if (res.ok) {
        S.draftSavedAt = new Date().toLocaleTimeString('ja-JP');
        if (!draftTimer) setDraftState('saved', '下書きを保存しました（' + S.draftSavedAt + '）');
      } else setDraftState('pending', '下書きを保存できませんでした。');
    } catch (e) { /* 401: the page shows the sign-in; the last draft stays */ }
  })();
  try { await draftInFlight; } finally { draftInFlight = null; }
}
// The account's draft for a key, or null.
async function findDraft(key) {
  const list = await expectJSON(await api('GET', '/api/v1/drafts'));
  const d = list.find(x => x.key === key);
  return d ? expectJSON(await api('GET', '/api/v1/drafts/' + encodeURIComponent(key))) : null;
}
async function discardDraft(key) {
  const res = await api('DELETE', '/api/v1/drafts/' + encodeURIComponent(key));
  if (!res.ok && res.status !== 404) throw new ApiError(res.status, await json(res));
}
// A panel that offers a kept draft back; `open` restores it.
function draftOffer(draft, latestVersion, open) {
  const when = new Date(draft.saved_at).toLocaleString('ja-JP');
  const older = draft.base_version && latestVersion && draft.base_version < latestVersion;
  const panel = el('section', { class: 'panel draft-offer', id: 'draft-offer', 'aria-labelledby': 'draft-offer-title' },
    el('h2', { id: 'draft-offer-title', text: '保存していない下書きがあります' }),
    el('p', {}, when + ' まで入力していた内容（' + (KIND_TITLES[draft.kind] || '書類') + '）です。',
      older ? '下書きは第' + draft.base_version + '版から書き始めたもので、その後に第' + latestVersion + '版が保存されています。開いて保存するときに、違いを見比べて選べます。' : ''),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', id: 'draft-open', onclick: () => busy(async () => { panel.remove(); await open(draft); }) }, '下書きを開く'),
      el('button', { type: 'button', id: 'draft-discard', onclick: () => busy(async () => {
        const ok = await confirmDialog('下書きを捨てます。保存した版はそのまま残ります。', '捨てる');
        if (!ok) return;
        await discardDraft(draft.key); panel.remove(); say('下書きを捨てました。');
      }) }, '下書きを捨てる')));
  return panel;
}

// ---------- 和暦 ----------
// The same era table as YorisoiText.JapaneseEra: each era from its first day (明治 from the
// Gregorian calendar's adoption, 1873-01-01). 元年 for year 1.
const ERAS = [
  { name: '令和', letter: 'R', start: '2019-05-01', base: 2018 },
  { name: '平成', letter: 'H', start: '1989-01-08', base: 1988 },
  { name: '昭和', letter: 'S', start: '1926-12-25', base: 1925 },
  { name: '大正', letter: 'T', start: '1912-07-30', base: 1911 },
  { name: '明治', letter: 'M', start: '1873-01-01', base: 1867 },
];
function pad(n) { return String(n).padStart(2, '0'); }
function validDate(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}
function eraOf(iso) { return ERAS.find(e => iso >= e.start) || null; }
function warekiDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso); if (!m) return '';
  const era = eraOf(iso); if (!era) return '';
  const y = +m[1] - era.base;
  return era.name + (y === 1 ? '元' : y) + '年' + (+m[2]) + '月' + (+m[3]) + '日';
}
function warekiMonth(ym) {
  const m = /^(\d{4})-(\d{2})$/.exec(ym); if (!m) return '';
  // The era in force on the month's first day (2019-05 → 令和元年5月, 2019-04 → 平成31年4月).
  const era = eraOf(ym + '-01'); if (!era) return '';
  const y = +m[1] - era.base;
  return era.name + (y === 1 ? '元' : y) + '年' + (+m[2]) + '月';
}
function toHalfWidth(s) {
  return s.replace(/[０-９]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/[／．－]/g, c => ({ '／': '/', '．': '.', '－': '-' })[c]).trim();
}
// Reads what staff type: 2025-04-01, 2025/4/1, 令和7年4月1日, 令和元年5月1日, R7.4.1 (and the
// same without the day for a year-month). Returns {iso} or null when it cannot be read.
function parseDateText(text, allowDay, allowMonth) {
  const t = toHalfWidth(text);
  let y, mo, d, m;
  if ((m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(t)) ||
      (m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?頃?$/.exec(t))) {
    y = +m[1]; mo = +m[2]; d = m[3] ? +m[3] : null;
  } else if ((m = /^(令和|平成|昭和|大正|明治)(元|\d{1,2})年(\d{1,2})月(?:(\d{1,2})日)?頃?$/.exec(t)) ||
             (m = /^([RHSTMrhstm])(元|\d{1,2})[./](\d{1,2})(?:[./](\d{1,2}))?$/.exec(t))) {
    const era = ERAS.find(e => e.name === m[1] || e.letter === m[1].toUpperCase());
    y = era.base + (m[2] === '元' ? 1 : +m[2]); mo = +m[3]; d = m[4] ? +m[4] : null;
    const probe = y + '-' + pad(mo) + '-' + pad(d || 1);
    if (eraOf(probe) !== era && !(d === null && eraOf(y + '-' + pad(mo) + '-' + new Date(Date.UTC(y, mo, 0)).getUTCDate()) === era)) return null;
  } else return null;
  if (d === null) {
    if (!allowMonth || mo < 1 || mo > 12) return null;
    return { iso: y + '-' + pad(mo) };
  }
  if (!allowDay || !validDate(y, mo, d)) return null;
  return { iso: y + '-' + pad(mo) + '-' + pad(d) };
}
function wareki(value) {
  if (typeof value !== 'string') return '';
  return value.length === 10 ? warekiDate(value) : warekiMonth(value);
}
const DATE_EXAMPLE = { 'date': '令和7年4月1日（2025-04-01）', 'month': '令和7年4月（2025-04）', 'date-or-month': '令和7年4月1日 または 令和7年4月' };

// ---------- JSON pointers ----------
function ptrParts(p) { return p === '' ? [] : p.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~')); }
function ptrGet(obj, p) {
  let cur = obj;
  for (const k of ptrParts(p)) { if (cur === null || typeof cur !== 'object') return undefined; cur = cur[k]; }
  return cur;
}
function ptrSet(obj, p, value) {
  const parts = ptrParts(p);
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i];
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    cur = cur[k];
  }
  const last = parts[parts.length - 1];
  if (value === undefined) { if (Array.isArray(cur)) cur[last] = {}; else delete cur[last]; }
  else cur[last] = value;
}
function fieldId(p) { return 'f' + p.replace(/[^A-Za-z0-9_]/g, c => c === '/' ? '-' : '_' + c.charCodeAt(0).toString(16)); }
// Empty objects (not array rows) are dropped so an untouched section is absent, not {}.
function pruned(v) {
  if (Array.isArray(v)) return v.map(x => (x && typeof x === 'object') ? (pruned(x) ?? {}) : x);
  if (v && typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      const p = (x && typeof x === 'object') ? pruned(x) : x;
      if (p === undefined || p === '') continue;
      out[k] = p;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}
function caseBody() { return pruned(S.data) || {}; }

// ---------- router ----------
function route() { return busy(routeNow); }
async function routeNow() {
  const hash = location.hash || '#/cases';
  // Leaving an edited case asks first (its draft is written before the question).
  if (S.dirty && !S.readOnly && S.data && S.routedHash !== null && hash !== S.routedHash) {
    await saveDraft();
    const ok = await confirmDialog('保存していない変更があります。入力した内容は下書きとしてサーバーに残り、このケース（新しいプランなら「新しいプラン」）を開くと続きから書けます。このページを離れますか。', '離れる');
    if (!ok) { history.replaceState(null, '', S.routedHash); return; }
  }
  let m;
  $$('nav a').forEach(a => a.removeAttribute('aria-current'));
  const mark = n => { const a = $('nav a[data-nav="' + n + '"]'); if (a) a.setAttribute('aria-current', 'page'); };
  try {
    if (hash === '#/cases') { mark('cases'); await showCases(); }
    else if (hash === '#/cases/new') { mark('new'); await showNew(); }
    else if ((m = /^#\/cases\/([^/]+)\/v\/(\d+)$/.exec(hash))) { mark('cases'); await showCase(decodeURIComponent(m[1]), +m[2]); }
    else if ((m = /^#\/cases\/([^/]+)\/compare\/(\d+)$/.exec(hash))) { mark('cases'); await showCompare(decodeURIComponent(m[1]), +m[2]); }
    else if ((m = /^#\/cases\/([^/]+)$/.exec(hash))) { mark('cases'); await showCase(decodeURIComponent(m[1]), null); }
    else if (hash === '#/ledger') { mark('ledger'); await showLedger(); }
    else if (hash === '#/approvals') { mark('approvals'); await showApprovals(); }
    else if (hash === '#/packets') { mark('packets'); await showPackets(); }
    else { location.hash = '#/cases'; return; }
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    say(e.message || String(e), 'error');
  }
  S.routedHash = hash;
  document.documentElement.dataset.route = hash;   // which view the page now shows (for tests)
}
// A table keeps its columns on a narrow screen and scrolls inside its own region (labelled and
// reachable by keyboard) instead of making the whole page scroll sideways (WCAG 1.4.10).
function wideTable(attrs, ...children) {
  const table = el('table', attrs, ...children);
  const caption = table.querySelector('caption');
  return el('div', { class: 'table-wrap', role: 'region', tabindex: '0',
    'aria-label': caption ? caption.textContent : '一覧' }, table);
}
function page(title, ...content) {
  clearPage();
  const h = el('h1', { id: 'page-title', text: title });
  $('#main').append(h, ...content);
  document.title = title + ' — よりそい';
}

// ---------- cases list (IDs, category and review only: never names) ----------
// Staff find a family by the child's name or kana, ID, town, 年度 and review month; the
// conditions go to the server in a POST body (never into an address) and the answer, like the
// list, shows IDs only.
async function searchCases(query) {
  return expectJSON(await api('POST', '/api/v1/cases/search', { body: query }));
}
function searchPanel(prefix, query, onSearch) {
  const thisYear = new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  const years = []; for (let y = thisYear + 1; y >= thisYear - 6; y--) years.push(y);
  const text = el('input', { type: 'search', id: prefix + '-q', value: query.q || '', autocomplete: 'off', 'aria-describedby': prefix + '-q-hint' });
  const muni = el('select', { id: prefix + '-municipality' }, el('option', { value: '' }, 'すべて'),
    S.templates.map(t => el('option', { value: t.municipality, selected: query.municipality === t.municipality }, t.name)));
  const year = el('select', { id: prefix + '-year' }, el('option', { value: '' }, 'すべて'),
    years.map(y => el('option', { value: String(y), selected: query.fiscal_year === y }, fiscalYearName(y))));
  const from = el('input', { type: 'text', id: prefix + '-review-from', value: query.review_from || '', 'aria-describedby': prefix + '-review-hint' });
  const to = el('input', { type: 'text', id: prefix + '-review-to', value: query.review_to || '', 'aria-describedby': prefix + '-review-hint' });
  const form = el('form', { class: 'panel filters', id: prefix + '-search', role: 'search', 'aria-label': 'ケースを探す' },
    el('div', { class: 'field' }, el('label', { for: prefix + '-q', text: '氏名・ふりがな・ケースID' }),
      el('p', { class: 'hint', id: prefix + '-q-hint', text: 'こどもの氏名かふりがなの一部（カタカナ・ひらがな、空白の有無は問いません）' }), text),
    el('div', { class: 'field' }, el('label', { for: prefix + '-municipality', text: '市区町村' }), muni),
    el('div', { class: 'field' }, el('label', { for: prefix + '-year', text: '作成した年度' }), year),
    el('div', { class: 'field' }, el('label', { for: prefix + '-review-from', text: '見直し時期（から）' }), from),
    el('div', { class: 'field' }, el('label', { for: prefix + '-review-to', text: '見直し時期（まで）' }), to),
    el('p', { class: 'hint', id: prefix + '-review-hint', text: '例：令和7年4月 または 2025-04' }),
    el('button', { type: 'submit', id: prefix + '-go' }, '探す'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const q = {};
    if (text.value.trim()) q.q = text.value.trim();
    if (muni.value) q.municipality = muni.value;
    if (year.value) q.fiscal_year = +year.value;
    for (const [key, input] of [['review_from', from], ['review_to', to]]) {
      if (!input.value.trim()) continue;
      const parsed = parseDateText(input.value.trim(), false, true);
      if (!parsed) { say('見直し時期は 令和7年4月 または 2025-04 の形で入力してください。', 'error'); input.focus(); return; }
      q[key] = parsed.iso;
    }
    busy(() => onSearch(q));
  });
  return form;
}
async function showCases() {
  const query = S.caseQuery || {};
  const searching = Object.keys(query).length > 0;
  const list = searching ? await searchCases(query) : await expectJSON(await api('GET', '/api/v1/cases'));
  const rows = list.map(c => el('tr', {},
    el('th', { scope: 'row' }, el('a', { href: '#/cases/' + encodeURIComponent(c.id), class: 'case-link' }, c.id)),
    el('td', { text: c.category || '' }),
    el('td', {}, c.review ? el('span', {}, c.review, el('span', { class: 'wareki' }, ' ' + wareki(String(c.review)))) : ''),
    el('td', { text: municipalityName(c.municipality) }),
    el('td', { class: 'num', text: c.version }),
    el('td', { text: c.updated_at ? new Date(c.updated_at).toLocaleString('ja-JP') : '' })));
  const table = list.length ? wideTable({ class: 'list', id: 'case-list' },
    el('caption', { text: (searching ? '条件に合うケース（' : '保存したケース（') + list.length + '件）' }),
    el('thead', {}, el('tr', {}, ['ケースID', '区分', '見直し時期', '市区町村', '版', '更新'].map(t => el('th', { scope: 'col', text: t })))),
    el('tbody', {}, rows)) : el('p', { id: 'case-list-empty', text: searching ? '条件に合うケースはありません。' : 'まだ保存したケースはありません。' });
  page('ケース一覧',
    el('p', {}, el('a', { href: '#/cases/new', class: 'button primary', id: 'new-case' }, '新しいプランを作る')),
    searchPanel('cs', query, async q => { S.caseQuery = q; await showCases(); const t = $('#case-list caption') || $('#case-list-empty'); say(t.textContent); }),
    table,
    importPanel());
}
function municipalityName(code) {
  const t = S.templates.find(t => t.municipality === code);
  return t ? t.name : (code || '');
}
function importPanel() {
  const file = el('input', { type: 'file', id: 'import-file', accept: '.yaml,.yml,.json,.csv,text/csv,application/json,application/yaml' });
  const row = el('input', { type: 'number', id: 'import-row', min: '1', value: '1', inputmode: 'numeric' });
  const go = el('button', { type: 'button', id: 'import-go' }, '取り込んで開く');
  go.addEventListener('click', async () => {
    const f = file.files[0];
    if (!f) { say('取り込むファイルを選んでください。', 'error'); file.focus(); return; }
    const text = await f.text();
    const name = f.name.toLowerCase();
    const type = name.endsWith('.csv') ? 'text/csv' : name.endsWith('.json') ? 'application/json' : 'application/yaml';
    const q = type === 'text/csv' ? '?row=' + encodeURIComponent(row.value || '1') : '';
    const res = await api('POST', '/api/v1/import' + q, { body: text, type });
    const body = await json(res);
    if (res.status === 422) { say('取り込めませんでした：' + diagnosticsText(body), 'error'); return; }
    if (!res.ok) throw new ApiError(res.status, body);
    S.pendingImport = body;
    location.hash = '#/cases/new';
  });
  return el('section', { class: 'panel', 'aria-labelledby': 'import-title' },
    el('h2', { id: 'import-title', text: 'ファイルから取り込む' }),
    el('p', { class: 'hint', text: 'YAML・JSON のケースファイル、または CSV の1行を新しいプランとして開きます（保存するまで記録されません）。' }),
    el('div', { class: 'field' }, el('label', { for: 'import-file', text: 'ファイル' }), file),
    el('div', { class: 'field narrow' }, el('label', { for: 'import-row', text: 'CSV の行（見出しを除いて何行目か）' }), row),
    go);
}
function diagnosticsText(body) {
  const ds = (body && (body.diagnostics || (body.files && body.files[0] && body.files[0].diagnostics))) || [];
  if (!ds.length) return (body && body.error && body.error.message) || '';
  return ds.map(d => staffMessage(d.message)).join('／');
}

// ---------- new case ----------
// One choice here (the municipality's form); the document is chosen once, in the editor's
// toolbar. A new plan is a サポートプラン, an imported file too.
async function showNew() {
  const imported = S.pendingImport; S.pendingImport = null;
  const muni = el('select', { id: 'new-municipality' },
    S.templates.map(t => el('option', { value: t.municipality, selected: imported && imported.municipality === t.municipality }, t.name + '（' + t.municipality + '）')));
  const start = el('button', { type: 'button', id: 'new-start', class: 'primary' }, 'この様式で始める');
  const holder = el('div', { id: 'editor-holder' });
  const begin = async (data, kind) => {
    if (S.dirty && S.data) {
      const ok = await confirmDialog('いま入力している内容を閉じて、' + municipalityName(muni.value) + 'の様式で始め直します。入力した内容は下書きとして残ります。', '始め直す');
      if (!ok) return;
      await saveDraft();
    }
    data.municipality = muni.value;
    if (data.version === undefined) data.version = 1;
    await openEditor(holder, { data, kind, caseId: null, version: null, readOnly: false });
  };
  start.addEventListener('click', () => busy(() => begin(imported ? imported : { version: 1 }, 'support-plan')));
  const draft = imported ? null : await findDraft('new:plan');
  page(imported ? '取り込んだプラン（未保存）' : '新しいプラン',
    draft ? draftOffer(draft, null, async d => {
      await openEditor(holder, { data: d.case, kind: d.kind, caseId: null, version: null, readOnly: false });
      S.dirty = true; setDraftState('saved', '下書きから開きました');
      const m = $('#new-municipality'); if (m) m.value = d.municipality;
    }) : null,
    el('div', { class: 'panel choose' },
      el('div', { class: 'field' }, el('label', { for: 'new-municipality', text: '市区町村の様式' }), muni),
      start),
    holder);
  if (imported) await begin(imported, 'support-plan');
}
// Document names come from the server (GET /api/v1/templates, `titles`), the same table the
// forms and templates use; filled in at start.
const KIND_TITLES = {};

// ---------- saved case ----------
async function showCase(id, version) {
  const q = version ? '?version=' + version : '';
  const data = await expectJSON(await api('GET', '/api/v1/cases/' + encodeURIComponent(id) + q));
  const versions = await expectJSON(await api('GET', '/api/v1/cases/' + encodeURIComponent(id) + '/versions'));
  const latest = versions.reduce((a, v) => Math.max(a, v.version), 0);
  const readOnly = version !== null && version !== latest;
  const holder = el('div', { id: 'editor-holder' });
  const draft = readOnly ? null : await findDraft(id);
  page('ケース ' + id + (readOnly ? '（第' + version + '版・読み取り専用）' : ''),
    draft ? draftOffer(draft, latest, async d => {
      // The draft keeps the version it started from: a save over a newer one is compared first.
      await openEditor(holder, { data: d.case, kind: d.kind, caseId: id, version: d.base_version || latest, readOnly: false });
      S.dirty = true; setDraftState('saved', '下書きから開きました');
    }) : null,
    versionsPanel(id, versions, version || latest, readOnly), holder);
  await openEditor(holder, { data, kind: S.kindFor && S.kindFor[id] || 'support-plan', caseId: id, version: version || latest, readOnly });
}
function latestOf(versions) { return versions.reduce((a, v) => Math.max(a, v.version), 0); }
function versionsPanel(id, versions, shown, readOnly) {
  const items = versions.slice().sort((a, b) => b.version - a.version).map(v => el('li', {},
    v.version === shown ? el('strong', { 'aria-current': 'true' }, '第' + v.version + '版') :
      el('a', { href: '#/cases/' + encodeURIComponent(id) + '/v/' + v.version, class: 'version-link' }, '第' + v.version + '版'),
    ' ', el('span', { class: 'meta' }, (v.saved_at ? new Date(v.saved_at).toLocaleString('ja-JP') : '') + (v.account ? '　' + v.account : '')),
    v.version === latestOf(versions) ? null : el('a', { href: '#/cases/' + encodeURIComponent(id) + '/compare/' + v.version, class: 'compare-link' },
      '　第' + v.version + '版と最新を比べる')));
  return el('details', { class: 'panel versions', open: readOnly },
    el('summary', {}, '保存した版（' + versions.length + '）'),
    readOnly ? el('p', { class: 'notice', id: 'readonly-banner' }, '古い版を表示しています。変更はできません。 ',
      el('a', { href: '#/cases/' + encodeURIComponent(id) }, '最新の版を開く')) : null,
    el('ol', { id: 'version-list' }, items));
}

// ---------- the editor ----------
async function loadForm(municipality, kind) {
  return expectJSON(await api('GET', '/api/v1/forms/' + encodeURIComponent(municipality) + '/' + encodeURIComponent(kind)));
}
async function openEditor(holder, { data, kind, caseId, version, readOnly }) {
  if (!data.municipality) throw new Error('ケースに市区町村コードがありません。');
  S.data = data; S.caseId = caseId; S.version = version; S.readOnly = readOnly; S.kind = kind;
  S.diagnostics = []; S.local = {};
  // A fresh form lists no errors until the user acts (types, or asks to save, preview or issue).
  S.acted = false;
  const copied = !readOnly && kind === 'measure' && measureFromRecommendation(data);
  S.form = await loadForm(data.municipality, kind);
  holder.replaceChildren(editorView());
  if (copied) { S.dirty = true; scheduleDraft(); say(COPIED_SERVICES); }
  await loadCaseNotices();
  validateSoon(0);
}
const COPIED_SERVICES = '利用勧奨通知書の事業（名称・内容・実施する者・期間）を措置に写しました。措置の内容として確かめてください。';
// A 措置 starts from its 勧奨: when the 措置 has no services yet, the 勧奨's are copied (staff
// need not type them again, WCAG 3.3.7). Answers whether anything was copied.
function measureFromRecommendation(data) {
  const from = data.recommendation && Array.isArray(data.recommendation.services) ? data.recommendation.services : [];
  const to = data.measure && Array.isArray(data.measure.services) ? data.measure.services : [];
  if (!from.length || to.some(r => r && Object.keys(r).length)) return false;
  data.measure = Object.assign({}, data.measure || {}, { services: JSON.parse(JSON.stringify(from)) });
  return true;
}
// The notices issued for this case and its 決裁, as the server has them.
async function loadCaseNotices() {
  const issued = $('#issued-list'), pending = $('#approval-list');
  if (!issued || !S.caseId) return;
  const q = '?case_id=' + encodeURIComponent(S.caseId);
  const [notices, approvals] = await Promise.all([
    expectJSON(await api('GET', '/api/v1/ledger' + q)), expectJSON(await api('GET', '/api/v1/approvals' + q))]);
  S.approvals = approvals;
  issued.replaceChildren(...notices.map(n => el('li', { class: 'issued' + (n.status === 'voided' ? ' voided' : '') },
    NOTICE_TITLES[n.kind] + '　文書番号 ', el('strong', { class: 'doc-number' }, n.number),
    '　' + fiscalYearName(n.fiscal_year) + '　' + (n.status === 'voided' ? '取消（' + (n.void_reason || '') + '）' : '発行済') + '　',
    el('a', { href: '/api/v1/ledger/' + encodeURIComponent(n.id) + '/pdf', target: '_blank', rel: 'noopener' }, 'PDF'))));
  pending.replaceChildren(...approvals.filter(a => a.status !== 'used').map(a => el('li', { class: 'approval ' + a.status },
    NOTICE_TITLES[a.kind] + 'の案　決裁番号 ' + a.id + '　', el('strong', { class: 'approval-state' }, APPROVAL_STATES[a.status]),
    a.decided_by ? '（' + a.decided_by + '）' : '', a.note ? '　理由：' + a.note : '', '　',
    el('a', { href: '/api/v1/approvals/' + a.id + '/pdf', target: '_blank', rel: 'noopener' }, '案を見る'))));
}
const APPROVAL_STATES = { pending: '決裁待ち', approved: '決裁済み（未発行）', rejected: '差し戻し', used: '発行済み' };
function fiscalYearName(y) {
  const era = eraOf(y + '-04-01');
  return era ? era.name + (y - era.base === 1 ? '元' : y - era.base) + '年度' : y + '年度';
}
function noticeResult(text, kind) {
  const r = $('#notice-result');
  if (r) { r.className = 'status ' + kind; r.textContent = text; }
  say(text, kind);
}
function editorView() {
  const f = S.form;
  // Choosing in the list changes nothing by itself (WCAG 3.2.2): 「表示」 switches the form. What
  // was typed stays in the case whichever document is shown.
  const kindSel = el('select', { id: 'kind' },
    f.kinds.map(k => el('option', { value: k.kind, selected: k.kind === S.kind }, k.title)));
  const switchKind = el('button', { type: 'button', id: 'kind-go', onclick: () => busy(async () => {
    if (kindSel.value === S.kind) return;
    S.kind = kindSel.value; S.kindFor = S.kindFor || {}; if (S.caseId) S.kindFor[S.caseId] = S.kind;
    const dirty = S.dirty;
    await openEditor($('#editor-holder'), { data: S.data, kind: S.kind, caseId: S.caseId, version: S.version, readOnly: S.readOnly });
    S.dirty = S.dirty || dirty;
    const k = $('#kind'); if (k) k.focus();
  }) }, '表示');
  const bar = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': '操作' },
    el('span', { class: 'field inline' }, el('label', { for: 'kind', text: '書類' }), kindSel, switchKind),
    S.readOnly ? null : el('button', { type: 'button', id: 'save', class: 'primary', onclick: () => busy(save) }, '保存'),
    el('button', { type: 'button', id: 'preview', onclick: () => preview(true) }, 'プレビュー'),
    S.caseId ? el('a', { class: 'button', id: 'export', href: '/api/v1/cases/' + encodeURIComponent(S.caseId) + '/export' + (S.version ? '?version=' + S.version : ''), download: S.caseId + '.yaml' }, 'YAMLで書き出す') : null,
    S.readOnly ? null : el('button', { type: 'button', id: 'issue-recommendation', onclick: () => busy(() => issue('recommendation')) }, '利用勧奨通知書を発行'),
    S.readOnly ? null : el('button', { type: 'button', id: 'issue-measure', onclick: () => busy(() => issue('measure')) }, '措置決定通知書を発行'),
    el('button', { type: 'button', id: 'to-preview', class: 'narrow-only', onclick: () => {
      const t = $('#preview-title'); t.setAttribute('tabindex', '-1'); t.scrollIntoView({ block: 'start' }); t.focus();
    } }, 'プレビューへ移動'),
    el('p', { id: 'action-result', class: 'status', role: 'status', 'aria-live': 'polite' }),
    S.readOnly ? null : el('p', { id: 'draft-state', class: 'meta' }));
  const summary = el('div', { id: 'summary', class: 'summary', tabindex: '-1', 'aria-labelledby': 'summary-title', hidden: true },
    el('h2', { id: 'summary-title' }), el('ul', { id: 'summary-list' }));
  const form = el('form', { id: 'case-form', class: 'case-form', novalidate: true, 'aria-label': f.title + '（' + f.municipality.name + '）' });
  form.addEventListener('submit', e => e.preventDefault());
  for (const sec of f.sections) {
    const fs = el('section', { class: 'form-section', id: 'sec-' + sec.id, 'aria-labelledby': 'sec-' + sec.id + '-h' },
      el('h2', { id: 'sec-' + sec.id + '-h', text: sec.title }));
    for (const field of sec.fields) fs.append(renderField(field, field.pointer));
    form.append(fs);
  }
  // IME: while a composition is open the text is not final; validate once it is committed.
  form.addEventListener('compositionstart', () => { S.composing = true; });
  form.addEventListener('compositionend', e => { S.composing = false; onEdit(e); });
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);
  const previewPane = el('section', { class: 'preview', 'aria-labelledby': 'preview-title' },
    el('h2', { id: 'preview-title', text: 'プレビュー' }),
    el('p', { id: 'preview-state', class: 'hint', role: 'status', text: '入力に誤りがなければ、ここに印刷する書類が表示されます。' }),
    el('div', { class: 'preview-actions' },
      el('a', { id: 'download', class: 'button', hidden: true, download: (S.caseId || S.data.id || 'plan') + '.pdf' }, 'PDFをダウンロード'),
      el('button', { type: 'button', id: 'print', hidden: true, onclick: printPreview }, '印刷')),
    el('iframe', { id: 'preview-frame', title: 'PDFプレビュー', hidden: true }));
  const notices = el('section', { class: 'panel', id: 'notice-panel', 'aria-labelledby': 'notice-title' },
    el('h2', { id: 'notice-title', text: '通知と決裁' }),
    el('p', { id: 'notice-result', class: 'status', role: 'status', 'aria-live': 'polite' }),
    el('ul', { id: 'issued-list' }),
    el('ul', { id: 'approval-list' }));
  watchToolbar(bar);
  return el('div', { class: 'editor' },
    el('div', { class: 'editor-main' },
      el('p', { class: 'form-title' }, f.title + '　', el('span', { class: 'meta' }, f.municipality.name + '（' + f.municipality.code + '）の様式' + (S.caseId && S.version ? '　第' + S.version + '版' : '　未保存'))),
      bar, summary, form, notices),
    previewPane);
}
// The sticky toolbar must never hide the focused field (WCAG 2.4.11): the page's scroll padding
// follows the toolbar's height, so the browser scrolls a focused field clear of it.
let toolbarObserver = null;
function watchToolbar(bar) {
  if (toolbarObserver) toolbarObserver.disconnect();
  toolbarObserver = new ResizeObserver(() => {
    const sticky = getComputedStyle(bar).position === 'sticky';
    document.documentElement.style.scrollPaddingTop = sticky ? (bar.offsetHeight + 16) + 'px' : '';
  });
  toolbarObserver.observe(bar);
}
function renderField(field, pointer) {
  switch (field.type) {
    case 'repeat': return renderRepeat(field, pointer);
    case 'checklist': return renderChecklist(field, pointer);
    default: return renderInput(field, pointer);
  }
}
function describedBy(id, field) {
  return [field.hint ? id + '-hint' : null, id + '-msg'].filter(Boolean).join(' ');
}
function renderInput(field, pointer) {
  const id = fieldId(pointer);
  const value = ptrGet(S.data, pointer);
  const common = { id, name: id, 'data-pointer': pointer, 'data-type': field.type, 'aria-describedby': describedBy(id, field),
                   disabled: S.readOnly || null, 'aria-required': field.required ? 'true' : null };
  let input;
  if (field.type === 'textarea') {
    input = el('textarea', Object.assign({ rows: 3 }, common));
    input.value = value == null ? '' : String(value);
  } else if (field.type === 'select') {
    input = el('select', common, el('option', { value: '' }, '（選んでください）'),
      field.options.map(o => el('option', { value: o, selected: value === o }, o)));
  } else if (field.type === 'boolean') {
    input = el('input', Object.assign({ type: 'checkbox', checked: value === true }, common));
    return el('div', { class: 'field check', 'data-field': pointer }, input, el('label', { for: id, text: field.label }),
      el('p', { class: 'msg', id: id + '-msg' }));
  } else if (field.type === 'guardian-index') {
    const gs = Array.isArray(S.data.guardians) ? S.data.guardians : [];
    input = el('select', common, el('option', { value: '' }, '（選んでください）'),
      gs.map((g, i) => el('option', { value: String(i), selected: value === i }, (i + 1) + '人目の保護者' + (g && g.relation ? '（' + g.relation + '）' : ''))));
  } else if (field.type === 'number') {
    input = el('input', Object.assign({ type: 'text', inputmode: 'numeric', value: value == null ? '' : String(value) }, common));
  } else {
    const dateLike = field.type === 'date' || field.type === 'month' || field.type === 'date-or-month';
    input = el('input', Object.assign({ type: 'text', value: value == null ? '' : String(value), autocomplete: 'off',
      inputmode: dateLike ? 'text' : null }, common));
  }
  const dateLike = ['date', 'month', 'date-or-month'].includes(field.type);
  return el('div', { class: 'field', 'data-field': pointer },
    el('label', { for: id }, field.label, field.required ? el('span', { class: 'req' }, '（必須）') : null),
    field.hint ? el('p', { class: 'hint', id: id + '-hint', text: field.hint }) : null,
    el('div', { class: 'control' }, input, dateLike ? el('span', { class: 'wareki', id: id + '-wareki', 'aria-live': 'polite' }, wareki(value)) : null),
    el('p', { class: 'msg', id: id + '-msg' }));
}
function renderRepeat(field, pointer) {
  const id = fieldId(pointer);
  const rows = Array.isArray(ptrGet(S.data, pointer)) ? ptrGet(S.data, pointer) : [];
  const list = el('ol', { class: 'rows', id: id + '-rows' });
  rows.forEach((_, i) => {
    const rowPtr = pointer + '/' + i;
    const li = el('li', { class: 'row', 'data-row': rowPtr },
      el('fieldset', { 'aria-describedby': fieldId(rowPtr) + '-msg' },
        el('legend', {}, field.item_label + ' ' + (i + 1)),
        field.fields.map(sub => renderField(sub, rowPtr + sub.pointer)),
        el('p', { class: 'msg', id: fieldId(rowPtr) + '-msg' }),
        S.readOnly ? null : el('button', { type: 'button', class: 'quiet remove', id: fieldId(rowPtr) + '-remove',
          onclick: () => removeRow(pointer, i) }, field.item_label + ' ' + (i + 1) + ' を削除')));
    list.append(li);
  });
  const add = S.readOnly ? null : el('button', { type: 'button', class: 'add', id: id + '-add', 'data-pointer': pointer,
    'aria-describedby': id + '-msg', onclick: () => addRow(field, pointer) }, field.item_label + 'を追加');
  return el('fieldset', { class: 'repeat', id: id, 'data-field': pointer, 'data-type': 'repeat', 'aria-describedby': id + '-msg' },
    el('legend', {}, field.label, field.required ? el('span', { class: 'req' }, '（1つ以上必須）') : null),
    list, el('p', { class: 'msg', id: id + '-msg' }), add);
}
function rerenderRepeat(pointer) {
  const sec = S.form.sections.flatMap(s => s.fields).concat();
  const field = findField(S.form.sections.flatMap(s => s.fields), pointer);
  const old = document.getElementById(fieldId(pointer));
  if (field && old) old.replaceWith(renderRepeat(field, pointer));
  // Notice addressee choices follow the guardians list.
  if (pointer === '/guardians') for (const s of $$('[data-type="guardian-index"]')) {
    const f = findField(S.form.sections.flatMap(x => x.fields), s.dataset.pointer);
    s.closest('.field').replaceWith(renderInput(f, s.dataset.pointer));
  }
  void sec;
}
function findField(fields, pointer) {
  for (const f of fields) {
    if (f.pointer === pointer) return f;
  }
  // rows: /plan/supports/0/service → field /plan/supports, sub /service
  for (const f of fields) {
    if (f.type === 'repeat' && pointer.startsWith(f.pointer + '/')) {
      const rest = pointer.slice(f.pointer.length + 1);
      const slash = rest.indexOf('/');
      if (slash < 0) return null;
      return findField(f.fields, rest.slice(slash));
    }
  }
  return null;
}
function addRow(field, pointer) {
  let rows = ptrGet(S.data, pointer);
  if (!Array.isArray(rows)) { rows = []; ptrSet(S.data, pointer, rows); }
  rows.push({});
  rerenderRepeat(pointer);
  const first = $('#' + CSS.escape(fieldId(pointer + '/' + (rows.length - 1) + field.fields[0].pointer)));
  if (first) first.focus();
  changed();
}
function removeRow(pointer, index) {
  const rows = ptrGet(S.data, pointer);
  rows.splice(index, 1);
  rerenderRepeat(pointer);
  const add = $('#' + CSS.escape(fieldId(pointer) + '-add'));
  if (add) add.focus();
  changed();
}
function renderChecklist(field, pointer) {
  const id = fieldId(pointer);
  const selected = Array.isArray(ptrGet(S.data, pointer)) ? ptrGet(S.data, pointer).map(String) : [];
  const known = new Set(field.groups.flatMap(g => g.options.map(o => o.label)));
  const extra = selected.filter(s => !known.has(s));
  let n = 0;
  const groups = field.groups.map(g => el('fieldset', { class: 'check-group' },
    g.label ? el('legend', { text: g.label.replace(/\n/g, '') }) : null,
    g.options.map(o => {
      const oid = id + '-o' + (n++);
      if (o.write_in) {
        return el('div', { class: 'field check writein' },
          el('label', { for: oid }, o.label + '（書き込み）'),
          el('input', { type: 'text', id: oid, value: extra.join('、'), 'data-checklist': pointer, 'data-writein': '1', disabled: S.readOnly || null }));
      }
      return el('div', { class: 'field check' },
        el('input', { type: 'checkbox', id: oid, value: o.label, checked: selected.includes(o.label), 'data-checklist': pointer, disabled: S.readOnly || null }),
        el('label', { for: oid, text: o.label }));
    })));
  return el('fieldset', { class: 'checklist', id, 'data-field': pointer, 'data-type': 'checklist', 'aria-describedby': id + '-msg' },
    el('legend', { text: field.label }), groups, el('p', { class: 'msg', id: id + '-msg' }));
}
function readChecklist(pointer) {
  const values = [];
  for (const box of $$('[data-checklist="' + pointer + '"]')) {
    if (box.dataset.writein) values.push(...box.value.split(/[、,]/).map(s => s.trim()).filter(Boolean));
    else if (box.checked) values.push(box.value);
  }
  ptrSet(S.data, pointer, values.length ? values : undefined);
}
function onEdit(e) {
  const t = e.target;
  if (S.readOnly) return;
  if (e.type === 'input' && (e.isComposing || S.composing)) return;
  if (t.dataset.checklist) { readChecklist(t.dataset.checklist); changed(); return; }
  const p = t.dataset.pointer;
  if (!p || t.dataset.type === 'repeat') return;
  const type = t.dataset.type;
  delete S.local[p];
  let v;
  if (type === 'boolean') v = t.checked;
  else if (type === 'guardian-index') v = t.value === '' ? undefined : +t.value;
  else if (type === 'number') {
    const s = toHalfWidth(t.value);
    if (s === '') v = undefined;
    else if (/^-?\d+$/.test(s)) v = +s;
    else { v = t.value; S.local[p] = '数字で入力してください（例：50）'; }
  } else if (type === 'date' || type === 'month' || type === 'date-or-month') {
    const s = t.value.trim();
    if (s === '') v = undefined;
    else {
      const parsed = parseDateText(s, type !== 'month', type !== 'date');
      if (parsed) v = parsed.iso;
      else { v = s; S.local[p] = '日付として読めません。' + DATE_EXAMPLE[type] + ' の形で入力してください'; }
    }
    const w = document.getElementById(t.id + '-wareki');
    if (w) w.textContent = v && !S.local[p] ? wareki(v) : '';
  } else v = t.value === '' ? undefined : t.value;
  ptrSet(S.data, p, v);
  changed();
}
function changed() {
  S.dirty = true;
  S.acted = true;
  validateSoon(300);
  scheduleDraft();
}

// ---------- validation ----------
// Checks run behind the typing and their results move the form (the error summary appears or
// goes): <html data-checking="N"> counts those scheduled or in flight, so a script (the browser
// test) can wait until the form stands still before it clicks.
let checking = 0;
function markChecking(delta) {
  checking += delta;
  document.documentElement.dataset.checking = String(checking);
}
async function tracked(fn) {
  markChecking(1);
  try { return await fn(); } finally { markChecking(-1); }
}
function validateSoon(delay) {
  if (S.validateTimer) clearTimeout(S.validateTimer); else markChecking(1);
  S.validateTimer = setTimeout(() => { S.validateTimer = null; validate().finally(() => markChecking(-1)); }, delay);
}
function cancelValidation() {
  if (!S.validateTimer) return;
  clearTimeout(S.validateTimer);
  S.validateTimer = null;
  markChecking(-1);
}
async function validate() {
  if (!S.form) return null;
  const seq = ++S.validateSeq;
  const q = '?kind=' + encodeURIComponent(S.kind) + '&municipality=' + encodeURIComponent(S.data.municipality);
  const res = await api('POST', '/api/v1/validate' + q, { body: caseBody() });
  const body = await json(res);
  if (seq !== S.validateSeq) return null;       // a newer edit has been sent since
  if (!res.ok && !(body && body.diagnostics)) { say((body && body.error && body.error.message) || '確認できませんでした', 'error'); return null; }
  S.diagnostics = body.diagnostics || [];
  showDiagnostics();
  if (!hasErrors()) tracked(() => preview(false));
  else previewState('誤りを直すとプレビューが更新されます。');
  return body;
}
function allDiagnostics() {
  const local = Object.entries(S.local).map(([path, message]) => ({ severity: 'error', code: 'PAGE', path, message, local: true }));
  // A server finding on a field with a local one (the same unreadable date) is shown once.
  return local.concat(S.diagnostics.filter(d => !S.local[d.path]));
}
function hasErrors() { return allDiagnostics().some(d => d.severity === 'error'); }
// The element that shows a diagnostic: the field itself, else the first field under the
// pointer (/plan/intent → 意向（こども）), else the nearest enclosing field or row.
function targetFor(path) {
  const byId = p => document.getElementById(fieldId(p));
  let e = byId(path);
  if (e) return e;
  const under = $$('[data-pointer],[data-field]').find(x => (x.dataset.pointer || x.dataset.field).startsWith(path + '/'));
  if (under) return under.dataset.pointer ? under : document.getElementById(fieldId(under.dataset.field)) || under;
  const parts = ptrParts(path);
  while (parts.length) {
    parts.pop();
    const p = parts.length ? '/' + parts.map(s => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '';
    e = byId(p);
    if (e) return e;
    const row = $('[data-row="' + p + '"]');
    if (row) return row.querySelector('fieldset');
  }
  return null;
}
function expectedFormNote(target, d) {
  const type = target && target.dataset && target.dataset.type;
  if (d.local || !DATE_EXAMPLE[type]) return '';
  return /日付|年月|date/i.test(d.message + ' ' + (d.message_en || '')) ? '（例：' + DATE_EXAMPLE[type] + '）' : '';
}
function showDiagnostics() {
  for (const e of $$('[aria-invalid="true"]')) e.removeAttribute('aria-invalid');
  for (const m of $$('.msg')) { m.textContent = ''; m.className = 'msg'; }
  for (const f of $$('.field.has-error,.field.has-warning,fieldset.has-error,fieldset.has-warning')) f.classList.remove('has-error', 'has-warning');
  const all = allDiagnostics();
  const ds = S.acted ? all : [];
  const items = [];
  for (const d of ds) {
    const target = targetFor(d.path || '');
    const label = target ? labelFor(target) : '';
    const text = (d.severity === 'error' ? 'エラー：' : '注意：') + staffMessage(d.message) + expectedFormNote(target, d);
    if (target) {
      const msgId = (target.tagName === 'FIELDSET' && !target.id ? fieldId(target.closest('[data-row]').dataset.row) : target.id) + '-msg';
      const msg = document.getElementById(msgId);
      if (msg) {
        msg.append(el('span', { class: d.severity === 'error' ? 'err' : 'warn' }, text));
        msg.classList.add('shown');
      }
      if (d.severity === 'error') {
        const ctl = target.matches('input,select,textarea') ? target : target.querySelector('.add') || target;
        if (ctl.matches('input,select,textarea')) ctl.setAttribute('aria-invalid', 'true');
        const wrap = target.closest('.field,fieldset'); if (wrap) wrap.classList.add('has-error');
      } else {
        const wrap = target.closest('.field,fieldset'); if (wrap) wrap.classList.add('has-warning');
      }
    }
    items.push(el('li', { class: d.severity === 'error' ? 'err' : 'warn' },
      target ? el('a', { href: '#' + focusTargetId(target), 'data-target': focusTargetId(target), onclick: jumpTo }, (label ? label + '：' : '') + text)
        : el('span', {}, text)));
  }
  // Codes are for a call to the help desk, not for reading: folded away under the list.
  const codes = [...new Set(ds.map(d => d.code).filter(c => c && c !== 'PAGE'))];
  if (codes.length) items.push(el('li', { class: 'codes' }, el('details', {},
    el('summary', {}, '問い合わせ用のコード'), el('span', { class: 'code' }, codes.join('、')))));
  const summary = $('#summary');
  if (!summary) return;
  const errors = ds.filter(d => d.severity === 'error').length;
  const warnings = ds.length - errors;
  $('#summary-title').textContent = errors ? '直してください：エラー ' + errors + ' 件' + (warnings ? '、注意 ' + warnings + ' 件' : '')
    : warnings ? '注意 ' + warnings + ' 件（印刷はできます）' : '';
  $('#summary-list').replaceChildren(...items);
  summary.hidden = ds.length === 0;
  summary.className = 'summary' + (errors ? ' has-error' : ' has-warning');
  const blocking = all.some(d => d.severity === 'error');
  // "Fix the errors first" no longer holds once they are fixed.
  const near = $('#action-result');
  if (!blocking && near && near.textContent === BLOCKED) { near.textContent = ''; near.className = 'status'; }
  for (const b of ['#print', '#issue-recommendation', '#issue-measure']) {
    const btn = $(b); if (btn) btn.setAttribute('aria-disabled', blocking ? 'true' : 'false');
  }
}
// The engine's messages name the case file's keys for people who edit YAML
// (「…同意（consent.agreed）がありません」); on the page the field's label says where, so the keys
// go. Parentheses holding Japanese stay.
function staffMessage(text) {
  return String(text || '').replace(/（[A-Za-z_][A-Za-z0-9_.]*(?:\s*(?:と|、|,)\s*[A-Za-z_][A-Za-z0-9_.]*)*）/g, '');
}
function focusTargetId(target) {
  if (target.matches('input,select,textarea')) return target.id;
  const inner = target.querySelector('input,select,textarea,button');
  return inner ? inner.id : target.id;
}
function labelFor(target) {
  if (target.id) {
    const l = $('label[for="' + CSS.escape(target.id) + '"]');
    if (l) return l.textContent.replace('（必須）', '');
  }
  const lg = target.querySelector && target.querySelector('legend');
  return lg ? lg.textContent.replace(/（1つ以上必須）/, '') : '';
}
function jumpTo(e) {
  e.preventDefault();
  const t = document.getElementById(e.currentTarget.dataset.target);
  if (t) { t.scrollIntoView({ block: 'center' }); t.focus(); }
}
const BLOCKED = 'エラーがあるため、この操作はできません。上の一覧から直してください。';
// Errors block printing and issuing: the summary takes focus (what was typed stays in the form).
function blockedByErrors() {
  if (!hasErrors()) return false;
  if (!S.acted) { S.acted = true; showDiagnostics(); }
  const s = $('#summary');
  s.hidden = false;
  s.focus();
  say(BLOCKED, 'error');
  return true;
}

// ---------- preview, download, print ----------
function previewState(text) { const p = $('#preview-state'); if (p) p.textContent = text; }
let previewSeq = 0;
async function preview(explicit) {
  if (explicit) { await flushValidation(); if (blockedByErrors()) return; }
  const seq = ++previewSeq;
  previewState('プレビューを作っています…');
  const q = '?kind=' + encodeURIComponent(S.kind) + '&municipality=' + encodeURIComponent(S.data.municipality);
  const res = await api('POST', '/api/v1/render' + q, { body: caseBody(), accept: 'application/pdf' });
  if (seq !== previewSeq) return;
  if (res.status === 422) { const b = await json(res); S.diagnostics = (b && b.diagnostics) || []; showDiagnostics(); previewState('誤りを直すとプレビューが更新されます。'); return; }
  if (!res.ok) { const b = await json(res); previewState((b && b.error && b.error.message) || 'プレビューを作れませんでした。'); return; }
  showPdf(await res.blob(), (S.caseId || S.data.id || 'plan') + '-' + S.kind + '.pdf');
  previewState('プレビューを更新しました（' + new Date().toLocaleTimeString('ja-JP') + '）。');
}
function showPdf(blob, filename) {
  if (S.previewUrl) URL.revokeObjectURL(S.previewUrl);
  S.previewUrl = URL.createObjectURL(blob);
  const frame = $('#preview-frame');
  if (!frame) return;
  frame.src = S.previewUrl;
  frame.hidden = false;
  const dl = $('#download'); dl.href = S.previewUrl; dl.setAttribute('download', filename); dl.hidden = false;
  $('#print').hidden = false;
}
async function flushValidation() {
  cancelValidation();
  await tracked(validate);
}
async function printPreview() {
  await flushValidation();
  if (blockedByErrors()) return;
  const frame = $('#preview-frame');
  try { frame.contentWindow.focus(); frame.contentWindow.print(); }
  catch (e) { window.open(S.previewUrl, '_blank', 'noopener'); }
}

// ---------- save ----------
// A save names the version its edit started from; over a newer one the server refuses (409
// version_conflict) and the page shows both, field by field, to choose.
async function save() {
  if (S.readOnly) return;
  cancelValidation();
  if (draftInFlight) await draftInFlight;
  if (draftTimer) { clearTimeout(draftTimer); draftTimer = null; }
  S.acted = true;
  const body = caseBody();
  if (!body.id) { S.local['/id'] = 'サポートプランIDを入力してください（保存に必要です）'; showDiagnostics(); $('#summary').focus(); return; }
  let res;
  if (S.caseId) res = await api('PUT', '/api/v1/cases/' + encodeURIComponent(S.caseId) + (S.version ? '?base_version=' + S.version : ''), { body });
  else res = await api('POST', '/api/v1/cases', { body });
  const out = await json(res);
  if (res.status === 422) { S.diagnostics = out.diagnostics || []; showDiagnostics(); $('#summary').focus(); say('保存できませんでした。直すところは一覧のとおりです。', 'error'); return; }
  if (res.status === 409 && out && out.error && out.error.code === 'version_conflict') {
    await showConflict(S.caseId, body, +res.headers.get('Yorisoi-Latest-Version'),
      'この編集を始めた後に、ほかの人（または別の画面）が第' + res.headers.get('Yorisoi-Latest-Version') + '版を保存しました。');
    return;
  }
  if (res.status === 409) {
    // The id is taken (a file exported and imported again, or the same id typed twice): the
    // user may keep it as the next version of that case after comparing.
    const latest = await expectJSON(await api('GET', '/api/v1/cases/' + encodeURIComponent(body.id) + '/versions')).catch(() => null);
    if (!latest) { say('そのサポートプランID（' + body.id + '）は既にあります。別のIDにしてください。', 'error'); return; }
    await showConflict(body.id, body, latestOf(latest), 'サポートプランID ' + body.id + ' のケースはもう保存されています（第' + latestOf(latest) + '版まで）。この内容をその次の版として保存できます。');
    return;
  }
  if (!res.ok) throw new ApiError(res.status, out);
  await saved(out);
  return out;
}
async function saved(out) {
  S.dirty = false;
  cancelDraft();
  S.kindFor = S.kindFor || {}; S.kindFor[out.id] = S.kind;
  // Reopen the saved case within this operation: setting location.hash would route later, from
  // a hashchange event, after the page already looked settled.
  const target = '#/cases/' + encodeURIComponent(out.id);
  if (location.hash !== target) history.pushState(null, '', target);
  await routeNow();
  say('保存しました（' + out.id + ' 第' + out.version + '版）。', 'ok');
  const b = $('#save'); if (b) b.focus();   // focus stays on the action (WCAG 2.4.3)
}

// ---------- comparing versions ----------
// The leaves of a case as pointer → value. Lists of the same length are compared row by row
// and field by field; a list whose rows were added or removed is one item.
function leaves(value, pointer, other, out) {
  if (Array.isArray(value) && Array.isArray(other) && value.length === other.length) {
    value.forEach((v, i) => leaves(v, pointer + '/' + i, other[i], out));
  } else if (value && typeof value === 'object' && !Array.isArray(value) && (!other || (typeof other === 'object' && !Array.isArray(other)))) {
    for (const k of Object.keys(value)) leaves(value[k], pointer + '/' + k.replace(/~/g, '~0').replace(/\//g, '~1'), other ? other[k] : undefined, out);
  } else out.set(pointer, value);
  return out;
}
function differences(a, b) {
  const la = leaves(a || {}, '', b, new Map()), lb = leaves(b || {}, '', a, new Map());
  const pointers = [...new Set([...la.keys(), ...lb.keys()])];
  return pointers.filter(p => JSON.stringify(la.get(p)) !== JSON.stringify(lb.get(p)))
    .map(p => ({ pointer: p, mine: la.get(p), theirs: lb.get(p) }));
}
// A field's label from the form description ('/plan/supports/1/service' → 支援 2 の サービス).
async function labelOf(pointer, municipality) {
  const forms = [];
  for (const kind of ['support-plan', 'measure']) {
    try { forms.push(await loadFormCached(municipality, kind)); } catch (e) { /* not offered by this town */ }
  }
  for (const form of forms) {
    const label = labelIn(form.sections.flatMap(s => s.fields), pointer, '');
    if (label) return label;
  }
  const parts = ptrParts(pointer);
  return parts.length > 1 ? (await labelOf('/' + parts.slice(0, -1).join('/'), municipality)) : 'そのほかの項目';
}
function labelIn(fields, pointer, prefix) {
  for (const f of fields) {
    if (f.pointer === pointer) return prefix + f.label;
    if (f.type === 'repeat' && pointer.startsWith(f.pointer + '/')) {
      const rest = pointer.slice(f.pointer.length + 1);
      const slash = rest.indexOf('/');
      if (slash < 0) return prefix + f.label + '（' + f.item_label + ' ' + (+rest + 1) + '）';
      return labelIn(f.fields, rest.slice(slash), prefix + f.item_label + ' ' + (+rest.slice(0, slash) + 1) + 'の');
    }
  }
  return null;
}
const formCache = new Map();
async function loadFormCached(municipality, kind) {
  const key = municipality + '/' + kind;
  if (!formCache.has(key)) formCache.set(key, await loadForm(municipality, kind));
  return formCache.get(key);
}
function shown(value) {
  if (value === undefined || value === null || value === '') return '（空欄）';
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  if (Array.isArray(value)) return value.length ? value.map(shown).join('、') : '（空欄）';
  if (typeof value === 'object') return Object.values(value).map(shown).join('／');
  return String(value) + (typeof value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(value) ? '（' + wareki(value) + '）' : '');
}
// Someone saved a newer version: both, field by field, with a choice per field; saving the
// choice makes the next version.
async function showConflict(id, mine, latest, reason) {
  const theirs = await expectJSON(await api('GET', '/api/v1/cases/' + encodeURIComponent(id)));
  const diffs = differences(mine, theirs);
  const rows = [];
  for (const [i, d] of diffs.entries()) {
    const name = 'pick-' + i;
    rows.push(el('tr', {},
      el('th', { scope: 'row', id: name + '-label', text: await labelOf(d.pointer, theirs.municipality || mine.municipality) }),
      el('td', {}, el('label', {}, el('input', { type: 'radio', name, value: 'mine', checked: true, 'aria-describedby': name + '-label' }), ' ', shown(d.mine))),
      el('td', {}, el('label', {}, el('input', { type: 'radio', name, value: 'theirs', 'aria-describedby': name + '-label' }), ' ', shown(d.theirs)))));
  }
  const kind = S.kind;
  const go = el('button', { type: 'button', class: 'primary', id: 'conflict-save' }, '選んだ内容で保存（第' + (latest + 1) + '版）');
  go.addEventListener('click', () => busy(async () => {
    const merged = JSON.parse(JSON.stringify(theirs));
    diffs.forEach((d, i) => { if ($('input[name="pick-' + i + '"]:checked').value === 'mine') ptrSet(merged, d.pointer, d.mine); });
    const res = await api('PUT', '/api/v1/cases/' + encodeURIComponent(id) + '?base_version=' + latest, { body: pruned(merged) || {} });
    const out = await json(res);
    if (res.status === 409 && out && out.error && out.error.code === 'version_conflict') {
      await showConflict(id, pruned(merged), +res.headers.get('Yorisoi-Latest-Version'), '見比べている間に、さらに新しい版が保存されました。もう一度選んでください。');
      return;
    }
    if (!res.ok) { say((out && out.error && out.error.message) || (res.status === 422 ? '選んだ内容には誤りがあります：' + diagnosticsText(out) : '保存できませんでした。'), 'error'); return; }
    S.kind = kind;
    await discardDraft(id).catch(() => {});
    await saved(out);
  }));
  const back = el('button', { type: 'button', id: 'conflict-back', onclick: () => busy(async () => {
    panel.remove(); $('#editor-holder').hidden = false; const s = $('#save'); if (s) s.focus();
  }) }, '保存せずに編集に戻る');
  const panel = el('section', { class: 'panel conflict', id: 'conflict', 'aria-labelledby': 'conflict-title', tabindex: '-1' },
    el('h2', { id: 'conflict-title', text: '保存する前に見比べてください' }),
    el('p', { text: reason + (diffs.length ? '違う項目が ' + diffs.length + ' つあります。項目ごとに残す方を選んでください。' : '内容は同じです。') }),
    diffs.length ? el('table', { class: 'list compare', id: 'conflict-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: '項目' }), el('th', { scope: 'col', text: 'この画面の入力' }),
        el('th', { scope: 'col', text: '保存されている第' + latest + '版' }))),
      el('tbody', {}, rows)) : null,
    el('div', { class: 'actions' }, go, back));
  const holder = $('#editor-holder');
  if (holder) { holder.hidden = true; holder.before(panel); } else $('#main').append(panel);
  panel.focus();
  say('保存する前に、違う項目を見比べてください。', 'error');
}
// #/cases/{id}/compare/{n}: an earlier version beside the latest; it can be restored as the
// next version.
async function showCompare(id, n) {
  const enc = encodeURIComponent(id);
  const versions = await expectJSON(await api('GET', '/api/v1/cases/' + enc + '/versions'));
  const latest = latestOf(versions);
  const [old, now] = await Promise.all([expectJSON(await api('GET', '/api/v1/cases/' + enc + '?version=' + n)),
    expectJSON(await api('GET', '/api/v1/cases/' + enc))]);
  const diffs = differences(old, now);
  const rows = [];
  for (const d of diffs) rows.push(el('tr', {}, el('th', { scope: 'row', text: await labelOf(d.pointer, now.municipality) }),
    el('td', { text: shown(d.mine) }), el('td', { text: shown(d.theirs) })));
  const restore = el('button', { type: 'button', class: 'primary', id: 'restore', onclick: () => busy(async () => {
    const ok = await confirmDialog('第' + n + '版の内容を、第' + (latest + 1) + '版として保存します。今の第' + latest + '版もそのまま残ります。', '戻して保存する');
    if (!ok) return;
    const res = await api('PUT', '/api/v1/cases/' + enc + '?base_version=' + latest, { body: old });
    const out = await json(res);
    if (!res.ok) { say((out && out.error && out.error.message) || '保存できませんでした。', 'error'); return; }
    await saved(out);
    say('第' + n + '版の内容を第' + out.version + '版として保存しました。', 'ok');
  }) }, '第' + n + '版の内容に戻す（第' + (latest + 1) + '版として保存）');
  page('ケース ' + id + '：第' + n + '版と最新（第' + latest + '版）',
    el('p', {}, el('a', { href: '#/cases/' + enc }, '最新の版を開く')),
    diffs.length ? el('table', { class: 'list compare', id: 'compare-table' },
      el('caption', { text: '違う項目（' + diffs.length + '）' }),
      el('thead', {}, el('tr', {}, ['項目', '第' + n + '版', '最新（第' + latest + '版）'].map(t => el('th', { scope: 'col', text: t })))),
      el('tbody', {}, rows)) : el('p', { id: 'compare-same', text: '第' + n + '版と最新の版の内容は同じです。' }),
    n === latest ? null : restore);
}

// ---------- notices ----------
const NOTICE_TITLES = KIND_TITLES;   // the notices' names: the same table
function confirmDialog(text, okLabel, extra) {
  const dlg = $('#confirm-dialog');
  $('#confirm-text').textContent = text;
  $('#confirm-ok').textContent = okLabel;
  $('#confirm-extra').replaceChildren(...(extra ? [extra] : []));
  return new Promise(resolve => {
    const done = v => { dlg.close(); $('#confirm-ok').onclick = null; $('#confirm-cancel').onclick = null; resolve(v); };
    $('#confirm-ok').onclick = () => done(true);
    $('#confirm-cancel').onclick = () => done(false);
    dlg.oncancel = () => resolve(false);
    dlg.showModal();
    $('#confirm-cancel').focus();
  });
}
async function issue(kind) {
  if (S.kind !== kind) {
    // Switch the form to the notice's kind so its fields and rules are the ones checked.
    S.kind = kind;
    await openEditor($('#editor-holder'), { data: S.data, kind, caseId: S.caseId, version: S.version, readOnly: false });
    const copied = $('#action-result') && $('#action-result').textContent === COPIED_SERVICES;
    say(NOTICE_TITLES[kind] + 'の項目を表示しました。' + (copied ? COPIED_SERVICES : '') + '内容を確かめてから、もう一度「発行」を押してください。');
    return;
  }
  await flushValidation();
  if (blockedByErrors()) return;
  // An approved 決裁 of this case is issued as approved (the server numbers exactly that draft).
  const approved = (S.approvals || []).find(a => a.kind === kind && a.status === 'approved');
  let q = '?kind=' + kind, body = caseBody();
  if (approved) {
    const ok = await confirmDialog('決裁番号 ' + approved.id + '（' + (approved.decided_by || '') + ' 決裁）の案を' + NOTICE_TITLES[kind] + 'として発行します。発行すると文書番号が発番簿に記録され、取り消しても番号は欠番として残ります。発行しますか。', '発行する');
    if (!ok) { say('発行をやめました。'); return; }
    q += '&approval=' + approved.id; body = '';
  } else {
    const ok = await confirmDialog(NOTICE_TITLES[kind] + 'を発行します。発行すると文書番号が発番簿に記録され、取り消しても番号は欠番として残ります。発行しますか。', '発行する');
    if (!ok) { say('発行をやめました。'); return; }
  }
  const headers = S.caseId ? { 'Yorisoi-Case-Id': S.caseId } : {};
  const res = await api('POST', '/api/v1/notices' + q, { body, accept: 'application/pdf', headers });
  if (res.status === 422) {
    const b = await json(res); S.diagnostics = (b && b.diagnostics) || []; showDiagnostics();
    if (!hasErrors() && b && b.error) noticeResult(b.error.message, 'error'); else { $('#summary').hidden = false; $('#summary').focus(); }
    return;
  }
  if (res.status === 409) {
    const b = await json(res);
    if (b && b.error && b.error.code === 'approval_required') { await requestApproval(kind); return; }
    noticeResult((b && b.error && b.error.message) || '発行できませんでした。', 'error');
    return;
  }
  if (!res.ok) { const b = await json(res); noticeResult((b && b.error && b.error.message) || '発行できませんでした（' + res.status + '）', 'error'); return; }
  // The server percent-encodes the number: header values carry no charset.
  const number = decodeURIComponent(res.headers.get('Yorisoi-Document-Number') || '');
  showPdf(await res.blob(), (S.caseId || 'notice') + '-' + kind + '.pdf');
  // The case records its number, so a reprint carries the same one.
  if (number && S.data[kind] && typeof S.data[kind] === 'object' && !S.data[kind].number) {
    S.data[kind].number = number;
    const input = document.getElementById(fieldId('/' + kind + '/number'));
    if (input) input.value = number;
  }
  await loadCaseNotices();
  noticeResult(NOTICE_TITLES[kind] + 'を発行しました。文書番号：' + number, 'ok');
}
// The server asks for 決裁: the draft as it stands now is sent for approval.
async function requestApproval(kind) {
  if (!S.caseId) { noticeResult('決裁を依頼する前にケースを保存してください。', 'error'); return; }
  const ok = await confirmDialog(NOTICE_TITLES[kind] + 'は決裁を受けてから発行します。いまの内容で決裁を依頼しますか。', '決裁を依頼する');
  if (!ok) { say('決裁の依頼をやめました。'); return; }
  const res = await api('POST', '/api/v1/approvals?kind=' + kind, { body: caseBody() });
  if (!res.ok) { const b = await json(res); noticeResult((b && b.error && b.error.message) || '決裁を依頼できませんでした。', 'error'); return; }
  const a = await json(res);
  await loadCaseNotices();
  noticeResult('決裁を依頼しました（決裁番号 ' + a.id + '）。決裁されたら、もう一度「発行」を押してください。', 'ok');
}

// ---------- 決裁 ----------
async function showApprovals() {
  const list = await expectJSON(await api('GET', '/api/v1/approvals'));
  const open = list.filter(a => a.status === 'pending');
  const row = a => el('tr', { class: 'approval ' + a.status },
    el('th', { scope: 'row', text: String(a.id) }),
    el('td', { text: NOTICE_TITLES[a.kind] }),
    el('td', {}, el('a', { href: '#/cases/' + encodeURIComponent(a.case_id) }, a.case_id)),
    el('td', { text: a.requested_by + '　' + new Date(a.requested_at).toLocaleString('ja-JP') }),
    el('td', { class: 'approval-state', text: APPROVAL_STATES[a.status] + (a.decided_by ? '（' + a.decided_by + '）' : '') + (a.note ? '　理由：' + a.note : '') }),
    el('td', {}, el('a', { href: '/api/v1/approvals/' + a.id + '/pdf', target: '_blank', rel: 'noopener' }, '案を見る'),
      a.status === 'pending' && mayApprove() ? el('button', { type: 'button', class: 'approve', 'data-id': a.id, onclick: () => decide(a, true) }, '決裁する') : null,
      a.status === 'pending' && mayApprove() ? el('button', { type: 'button', class: 'quiet reject', 'data-id': a.id, onclick: () => decide(a, false) }, '差し戻す') : null));
  const table = (id, caption, items) => items.length ? wideTable({ class: 'list', id },
    el('caption', { text: caption + '（' + items.length + '件）' }),
    el('thead', {}, el('tr', {}, ['決裁番号', '書類', 'ケースID', '依頼', '状態', ''].map(t => el('th', { scope: 'col', text: t })))),
    el('tbody', {}, items.map(row))) : el('p', { id: id + '-empty', text: caption + 'はありません。' });
  page('決裁', el('p', { class: 'hint', text: '措置決定通知書は決裁を受けてから発行します。案を見て、決裁するか差し戻してください。' }),
    table('approvals-pending', '決裁待ちの案', open), table('approvals-done', '決裁した案', list.filter(a => a.status !== 'pending')));
}
// The session says the account's role; the server refuses a decision without it anyway.
function mayApprove() { return !S.session || !S.session.role || S.session.role === 'approver' || S.session.role === 'admin'; }
async function decide(a, approve) {
  const local = !S.session || S.session.account === 'local';
  const fields = el('div', {},
    local ? el('div', { class: 'field' }, el('label', { for: 'approver-name', text: '決裁者の氏名' }), el('input', { type: 'text', id: 'approver-name', autocomplete: 'name' })) : null,
    approve ? null : el('div', { class: 'field' }, el('label', { for: 'reject-reason', text: '差し戻す理由' }), el('input', { type: 'text', id: 'reject-reason' })));
  const ok = await confirmDialog('決裁番号 ' + a.id + '（' + NOTICE_TITLES[a.kind] + '、ケース ' + a.case_id + '）を' + (approve ? '決裁します。' : '差し戻します。'), approve ? '決裁する' : '差し戻す', fields);
  if (!ok) return;
  const body = {};
  if (local) body.approver = $('#approver-name').value;
  if (!approve) body.reason = $('#reject-reason').value;
  const res = await api('POST', '/api/v1/approvals/' + a.id + (approve ? '/approve' : '/reject'), { body });
  const b = await json(res);
  if (!res.ok) { say((b && b.error && b.error.message) || '決裁できませんでした。', 'error'); return; }
  await showApprovals();    // redrawn first: a new view clears the old view's messages
  say('決裁番号 ' + a.id + ' を' + (approve ? '決裁しました。' : '差し戻しました。'), 'ok');
}

// ---------- 発番簿 ----------
function ledgerQuery(f) {
  const q = new URLSearchParams();
  for (const k of ['municipality', 'fiscal_year', 'kind', 'status']) if (f[k]) q.set(k, f[k]);
  return q.toString();
}
async function showLedger() {
  const f = S.ledgerFilter || (S.ledgerFilter = {});
  const query = ledgerQuery(f);
  const list = await expectJSON(await api('GET', '/api/v1/ledger' + (query ? '?' + query : '')));
  const rows = list.map(n => el('tr', { class: n.status === 'voided' ? 'voided' : '' },
    el('th', { scope: 'row', class: 'doc-number', text: n.number }),
    el('td', { text: fiscalYearName(n.fiscal_year) }),
    el('td', { text: NOTICE_TITLES[n.kind] || n.kind }),
    el('td', {}, el('a', { href: '#/cases/' + encodeURIComponent(n.case_id) }, n.case_id)),
    el('td', {}, n.date, el('span', { class: 'wareki' }, ' ' + wareki(String(n.date)))),
    el('td', { class: 'status-cell' }, n.status === 'voided' ? '取消' : '発行済',
      n.status === 'voided' ? el('span', { class: 'meta void-detail' }, '　理由：' + (n.void_reason || '') + '　' + (n.voided_by || '') + '　' + (n.voided_at ? new Date(n.voided_at).toLocaleString('ja-JP') : '')) : null),
    el('td', {}, [n.cites_number ? '引用：' + n.cites_number : '', n.cites_pre_ledger ? '台帳外の勧奨を引用' : '', n.pre_ledger ? '台帳外の番号' : '',
      n.approved_by ? '決裁：' + n.approved_by : ''].filter(Boolean).join('　')),
    el('td', { text: new Date(n.issued_at).toLocaleString('ja-JP') + '　' + n.account }),
    el('td', {}, el('a', { href: '/api/v1/ledger/' + encodeURIComponent(n.id) + '/pdf', target: '_blank', rel: 'noopener' }, 'PDF'),
      n.status === 'voided' ? null : el('button', { type: 'button', class: 'quiet void', 'data-id': n.id, onclick: () => voidNotice(n) }, '取消'))));
  const select = (id, label, value, options) => {
    const e = el('select', { id, name: id }, el('option', { value: '' }, 'すべて'),
      options.map(([v, t]) => el('option', { value: v, selected: String(value || '') === String(v) }, t)));
    return el('div', { class: 'field inline' }, el('label', { for: id, text: label }), e);
  };
  const thisYear = new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  const years = []; for (let y = thisYear + 1; y >= thisYear - 6; y--) years.push([y, fiscalYearName(y)]);
  const filters = el('form', { class: 'panel filters', id: 'ledger-filters', 'aria-label': '発番簿の絞り込み' },
    select('lf-municipality', '市区町村', f.municipality, S.templates.map(t => [t.municipality, t.name])),
    select('lf-fiscal_year', '年度', f.fiscal_year, years),
    select('lf-kind', '種類', f.kind, [['recommendation', NOTICE_TITLES.recommendation], ['measure', NOTICE_TITLES.measure]]),
    select('lf-status', '状態', f.status, [['issued', '発行済'], ['voided', '取消']]),
    el('button', { type: 'submit', id: 'ledger-filter-go' }, '絞り込む'));
  filters.addEventListener('submit', e => {
    e.preventDefault();
    S.ledgerFilter = { municipality: $('#lf-municipality').value, fiscal_year: $('#lf-fiscal_year').value, kind: $('#lf-kind').value, status: $('#lf-status').value };
    busy(showLedger);
  });
  const csvQuery = ledgerQuery(f);
  page('発番簿',
    el('p', { class: 'hint', text: '発行したすべての通知です。取り消した通知も番号とともに残ります。' }),
    filters,
    list.length ? wideTable({ class: 'list', id: 'ledger' },
      el('caption', { text: '発行した文書（' + list.length + '件）' }),
      el('thead', {}, el('tr', {}, ['文書番号', '年度', '種類', 'ケースID', '日付', '状態', '備考', '発行', ''].map(t => el('th', { scope: 'col', text: t })))),
      el('tbody', {}, rows)) : el('p', { id: 'ledger-empty', text: '条件に合う通知はありません。' }),
    el('p', {}, el('a', { class: 'button', id: 'ledger-csv', href: '/api/v1/ledger?format=csv' + (csvQuery ? '&' + csvQuery : ''), download: 'ledger.csv' }, '発番簿をCSVでダウンロード')));
}
async function voidNotice(n, withCiting) {
  const reason = el('div', { class: 'field' }, el('label', { for: 'void-reason', text: '取り消す理由' }), el('input', { type: 'text', id: 'void-reason' }));
  const text = withCiting
    ? '文書番号 ' + n.number + ' と、それを引用する措置決定通知書 ' + withCiting.join('、') + ' をあわせて取り消します。'
    : '文書番号 ' + n.number + ' を取り消します。番号は取消として発番簿に残ります。';
  const ok = await confirmDialog(text, '取り消す', reason);
  if (!ok) return;
  const res = await api('POST', '/api/v1/ledger/' + encodeURIComponent(n.id) + '/void', { body: { reason: $('#void-reason').value, with_citing: !!withCiting } });
  const b = await json(res);
  if (res.status === 409 && b && b.error && b.error.code === 'recommendation_cited') {
    const citing = (await expectJSON(await api('GET', '/api/v1/ledger?case_id=' + encodeURIComponent(n.case_id) + '&kind=measure&status=issued')))
      .filter(m => m.cites_id === n.id).map(m => m.number);
    say(b.error.message, 'error');
    return voidNotice(n, citing);
  }
  if (!res.ok) { say((b && b.error && b.error.message) || '取り消せませんでした。', 'error'); return; }
  await showLedger();
  say(n.number + ' を取り消しました。', 'ok');
}

// ---------- meeting packets ----------
// The meeting kinds the packet builder knows (YorisoiPipeline MeetingKind): 要対協's three and
// the centre's own 合同ケース会議.
const MEETING_KINDS = ['進行管理会議', '実務者会議', '個別ケース検討会議', '合同ケース会議'];
async function showPackets() {
  S.packetChosen = S.packetChosen || new Map();   // id -> case row, kept across searches
  const list = await searchCases(S.packetQuery || {});
  const shownIds = new Set(list.map(c => c.id));
  const rows = list.concat([...S.packetChosen.values()].filter(c => !shownIds.has(c.id)));
  const boxes = rows.map((c, i) => el('div', { class: 'field check' },
    el('input', { type: 'checkbox', id: 'pk-case-' + i, value: c.id, 'data-municipality': c.municipality, class: 'packet-case',
      checked: S.packetChosen.has(c.id), onchange: e => { if (e.target.checked) S.packetChosen.set(c.id, c); else S.packetChosen.delete(c.id); } }),
    el('label', { for: 'pk-case-' + i }, c.id + '　' + municipalityName(c.municipality) + '　' + (c.category || '') + (c.review ? '　見直し ' + c.review : '') +
      (c.consented === true ? '' : '　（同意の記録なし）'))));
  const field = (id, label, input, hint) => el('div', { class: 'field' }, el('label', { for: id, text: label }),
    hint ? el('p', { class: 'hint', id: id + '-hint', text: hint }) : null, input);
  const today = new Date(); const iso = today.getFullYear() + '-' + pad(today.getMonth() + 1) + '-' + pad(today.getDate());
  const go = el('button', { type: 'button', class: 'primary', id: 'packet-go', onclick: buildPacket }, '会議資料を作る');
  page('会議資料（ケース会議のパケット）',
    searchPanel('pks', S.packetQuery || {}, async q => { S.packetQuery = q; await showPackets(); say('条件に合うケース：' + $$('.packet-case').length + '件（選んだケースは残ります）'); }),
    el('form', { id: 'packet-form', novalidate: true, onsubmit: e => e.preventDefault() },
      el('fieldset', { class: 'panel' }, el('legend', { text: '会議' }),
        field('pk-kind', '会議の種類', el('select', { id: 'pk-kind', 'aria-describedby': 'pk-kind-hint' }, MEETING_KINDS.map(k => el('option', { value: k }, k))),
          '合同ケース会議はセンターの会議です。同意を記録していないケースは資料に入りません。'),
        field('pk-title', '会議の名称', el('input', { type: 'text', id: 'pk-title', value: '進行管理会議' })),
        field('pk-date', '開催日', el('input', { type: 'text', id: 'pk-date', value: iso, 'aria-describedby': 'pk-date-hint' }), '例：2025-02-14'),
        field('pk-time', '時間', el('input', { type: 'text', id: 'pk-time', value: '' })),
        field('pk-place', '場所', el('input', { type: 'text', id: 'pk-place', value: '' })),
        field('pk-copies', '部数', el('input', { type: 'text', inputmode: 'numeric', id: 'pk-copies', value: '1' }))),
      el('fieldset', { class: 'panel', id: 'packet-cases' }, el('legend', { text: '資料にするケース' }),
        boxes.length ? boxes : el('p', { text: '条件に合うケースがありません。' })),
      go),
    el('section', { class: 'preview', 'aria-labelledby': 'preview-title' },
      el('h2', { id: 'preview-title', text: 'できた資料' }),
      el('p', { id: 'preview-state', class: 'hint', role: 'status' }),
      el('div', { class: 'preview-actions' },
        el('a', { id: 'download', class: 'button', hidden: true, download: 'packet.pdf' }, 'PDFをダウンロード'),
        el('button', { type: 'button', id: 'print', hidden: true, onclick: () => { const f = $('#preview-frame'); f.contentWindow.focus(); f.contentWindow.print(); } }, '印刷')),
      el('iframe', { id: 'preview-frame', title: '会議資料のPDF', hidden: true })));
}
async function buildPacket() {
  const chosen = $$('.packet-case').filter(b => b.checked);
  if (!chosen.length) { say('ケースを1つ以上選んでください。', 'error'); return; }
  const munis = new Set(chosen.map(b => b.dataset.municipality));
  if (munis.size > 1) { say('ひとつの会議資料には同じ市区町村のケースだけを入れられます。', 'error'); return; }
  const dateText = $('#pk-date').value.trim();
  const parsed = parseDateText(dateText, true, false);
  if (!parsed) { say('開催日を 2025-02-14 の形で入力してください。', 'error'); $('#pk-date').focus(); return; }
  const copies = parseInt(toHalfWidth($('#pk-copies').value), 10);
  if (!(copies >= 1)) { say('部数は1以上の数字で入力してください。', 'error'); $('#pk-copies').focus(); return; }
  // The centre's own meeting shares nothing without consent: the builder leaves such cases out,
  // and the page says so before building.
  const unconsented = chosen.map(b => S.packetChosen.get(b.value)).filter(c => c && c.consented !== true).map(c => c.id);
  if ($('#pk-kind').value === '合同ケース会議' && unconsented.length) {
    const ok = await confirmDialog('合同ケース会議の資料には、情報共有の同意を記録していないケースは入りません：' + unconsented.join('、') + '。残りのケースで作りますか。', '作る');
    if (!ok) return;
  }
  previewState('会議資料を作っています…');
  const cases = [];
  for (const b of chosen) {
    const c = await expectJSON(await api('GET', '/api/v1/cases/' + encodeURIComponent(b.value)));
    cases.push({ case: c, agenda: '協議' });
  }
  const meeting = { kind: $('#pk-kind').value, title: $('#pk-title').value || $('#pk-kind').value, date: parsed.iso };
  if ($('#pk-time').value) meeting.time = $('#pk-time').value;
  if ($('#pk-place').value) meeting.place = $('#pk-place').value;
  const body = { version: 1, municipality: [...munis][0], meeting, documents: ['support-plan'], cases };
  const res = await api('POST', '/api/v1/packets?copies=' + copies, { body, accept: 'application/pdf' });
  if (!res.ok) { const b = await json(res); previewState(''); say('会議資料を作れませんでした：' + (diagnosticsText(b) || res.status), 'error'); return; }
  showPdf(await res.blob(), 'packet-' + parsed.iso + '.pdf');
  const printed = meeting.kind === '合同ケース会議' ? cases.length - unconsented.length : cases.length;
  previewState('会議資料を作りました（' + printed + 'ケース、' + copies + '部）。');
  say('会議資料を作りました。', 'ok');
}

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
  window.addEventListener('hashchange', route);
  await route();
}
document.addEventListener('DOMContentLoaded', start);
