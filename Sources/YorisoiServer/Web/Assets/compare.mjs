import { latestOf } from './casepage.mjs';
import { diagnosticsText } from './cases.mjs';
import { $, S, api, busy, el, expectJSON, json, say } from './core.mjs';
import { discardDraft } from './drafts.mjs';
import { loadForm } from './editor.mjs';
import { confirmDialog } from './notices.mjs';
import { pruned, ptrParts, ptrSet } from './pointer.mjs';
import { page } from './router.mjs';
import { saved } from './save.mjs';
import { wareki } from './wareki.mjs';

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

export { leaves, differences, labelOf, labelIn, formCache, loadFormCached, shown, showConflict, showCompare };
