import { $, ApiError, S, api, busy, el, expectJSON, json, say } from './core.mjs';
import { fiscalYearName } from './editor.mjs';
import { page, wideTable } from './router.mjs';
import { staffMessage } from './validation.mjs';
import { parseDateText, wareki } from './wareki.mjs';

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

export { searchCases, searchPanel, showCases, municipalityName, importPanel, diagnosticsText };
