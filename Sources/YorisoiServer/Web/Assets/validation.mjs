import { $, $$, S, api, el, json, say } from './core.mjs';
import { caseBody, fieldId, ptrParts } from './pointer.mjs';
import { preview, previewState } from './preview.mjs';
import { DATE_EXAMPLE } from './wareki.mjs';

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

export { checking, markChecking, tracked, validateSoon, cancelValidation, validate, allDiagnostics, hasErrors, targetFor, expectedFormNote, showDiagnostics, staffMessage, focusTargetId, labelFor, jumpTo, BLOCKED, blockedByErrors };
