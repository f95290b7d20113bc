import { $, $$, NOTICE_TITLES, S, api, busy, el, expectJSON, say } from './core.mjs';
import { scheduleDraft } from './drafts.mjs';
import { issue } from './notices.mjs';
import { fieldId, ptrGet, ptrSet } from './pointer.mjs';
import { preview, printPreview } from './preview.mjs';
import { save } from './save.mjs';
import { validateSoon } from './validation.mjs';
import { DATE_EXAMPLE, eraOf, parseDateText, toHalfWidth, wareki } from './wareki.mjs';

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
  // The family copy's languages come from the server's label files (GET /api/v1/family-copy-languages).
  if (!S.familyLanguages) S.familyLanguages = await expectJSON(await api('GET', '/api/v1/family-copy-languages'));
  S.familyCopy = '';
  // Ruby (docs/ruby.md): the grades and how many kanji each knows come from the server's table.
  if (!S.rubyGrades) S.rubyGrades = await expectJSON(await api('GET', '/api/v1/ruby-grades'));
  S.ruby = ''; S.rubyGrade = '';
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
// 「令和7年度」, named as YorisoiText.JapaneseFiscalYear names it: by the era in force on the
// naming day (today) unless that era began after the year's April, then by the era of its April
// — so 2019 is 令和元年度 in hindsight and 2018 stays 平成30年度.
function fiscalYearName(y, today = new Date().toISOString().slice(0, 10)) {
  const atStart = eraOf(y + '-04-01');
  let era = eraOf(today) || atStart;
  if (era && +era.start.slice(0, 4) > y) era = atStart;
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
    // A family copy (docs/family-copy.md): every label also in やさしい日本語 and the family's language.
    el('div', { class: 'field' },
      el('label', { for: 'family-copy', text: '家族向けの写し' }),
      el('p', { id: 'family-copy-hint', class: 'hint', text: '項目名を、やさしい日本語と選んだ言語でも印刷します。書いた内容はそのままです。' }),
      el('select', { id: 'family-copy', 'aria-describedby': 'family-copy-hint', onchange: e => { S.familyCopy = e.target.value; preview(true); } },
        el('option', { value: '', selected: true }, 'なし（日本語のみ）'),
        (S.familyLanguages || []).map(l => el('option', { value: l.code, lang: l.code }, l.name)))),
    // Ruby (docs/ruby.md): a こども版 has it as its template says; any form can have it or not.
    el('div', { class: 'field' },
      el('label', { for: 'ruby', text: 'ふりがな' }),
      el('p', { id: 'ruby-hint', class: 'hint', text: 'こども版には、まだ習っていない漢字にふりがなを付けます。ほかの書類にも付けられます。' }),
      el('select', { id: 'ruby', 'aria-describedby': 'ruby-hint', onchange: e => { S.ruby = e.target.value; preview(true); } },
        el('option', { value: '', selected: true }, '様式のとおり（こども版に付ける）'),
        el('option', { value: 'on' }, 'この書類にも付ける'),
        el('option', { value: 'off' }, '付けない'))),
    el('div', { class: 'field' },
      el('label', { for: 'ruby-grade', text: 'ふりがなを付けない漢字' }),
      el('select', { id: 'ruby-grade', onchange: e => { S.rubyGrade = e.target.value; preview(true); } },
        el('option', { value: '', selected: true }, 'センターの設定のとおり'),
        (S.rubyGrades || []).map(g => el('option', { value: String(g.grade) }, g.name + '（' + g.known + '字）')))),
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

export { loadForm, openEditor, COPIED_SERVICES, measureFromRecommendation, loadCaseNotices, APPROVAL_STATES, fiscalYearName, noticeResult, editorView, toolbarObserver, watchToolbar, renderField, describedBy, renderInput, renderRepeat, rerenderRepeat, findField, addRow, removeRow, renderChecklist, readChecklist, onEdit, changed };
