import { sessionLost } from './session.mjs';

// よりそい staff page: the page's state, DOM helpers, its settled signal and the server calls.
// ES modules, one per screen or concern (main.mjs starts the page). Vanilla JS, no outside resources. Personal data lives only in this page's
// memory and on its own server: nothing goes to localStorage/sessionStorage/cookies (the session
// cookie is the server's, HttpOnly), and URLs carry case IDs only.

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

// Document names come from the server (GET /api/v1/templates, `titles`), the same table the
// forms and templates use; filled in at start.
const KIND_TITLES = {};
const NOTICE_TITLES = KIND_TITLES;   // the notices' names: the same table

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

export { S, KIND_TITLES, NOTICE_TITLES, $, $$, el, say, busyCount, markBusy, busy, ApiError, api, json, expectJSON };
