import { municipalityName } from './cases.mjs';
import { $, S, api, busy, el, expectJSON, json, say } from './core.mjs';
import { page, wideTable } from './router.mjs';
import { pad, parseDateText, wareki } from './wareki.mjs';

// ---------- 更新時期一覧 (見直し予定) ----------
// The plans due for review in a range of months, one table per 担当者, from POST /api/v1/reviews
// (the conditions travel in the body, like a search's). The CSV and the PDF are the server's.

// The groups are the server's (ReviewSchedule.groups): one table per 担当者, the same the PDF prints.
function tablesOf(answer) {
  const byId = new Map(answer.rows.map(r => [r.id, r]));
  return answer.groups.map(g => [g.staff, g.ids.map(id => byId.get(id)).filter(Boolean)]);
}

function thisMonth() {
  const d = new Date();
  return d.getFullYear() + '-' + pad(d.getMonth() + 1);
}

function conditions(f) {
  const body = { from: f.from };
  if (f.to) body.to = f.to;
  if (f.municipality) body.municipality = f.municipality;
  if (f.staff) body.staff = f.staff;
  return body;
}

async function showReviews() {
  const f = S.reviewFilter || (S.reviewFilter = { from: thisMonth() });
  const answer = await expectJSON(await api('POST', '/api/v1/reviews', { body: conditions(f) }));
  const field = (id, label, input, hint) => el('div', { class: 'field inline' }, el('label', { for: id, text: label }), input,
    hint ? el('span', { class: 'hint', id: id + '-hint', text: hint }) : null);
  const filters = el('form', { class: 'panel filters', id: 'review-filters', 'aria-label': '更新時期一覧の条件' },
    field('rv-from', '最初の月', el('input', { type: 'text', id: 'rv-from', value: f.from, 'aria-describedby': 'rv-from-hint' }), '例：2025-07'),
    field('rv-to', '最後の月', el('input', { type: 'text', id: 'rv-to', value: f.to || '', 'aria-describedby': 'rv-to-hint' }), '空欄なら翌月まで'),
    field('rv-staff', '担当者', el('input', { type: 'text', id: 'rv-staff', value: f.staff || '' })),
    field('rv-municipality', '市区町村', el('select', { id: 'rv-municipality' }, el('option', { value: '' }, 'すべて'),
      S.templates.map(t => el('option', { value: t.municipality, selected: f.municipality === t.municipality }, t.name)))),
    el('button', { type: 'submit', id: 'review-go' }, '表示'));
  filters.addEventListener('submit', e => {
    e.preventDefault();
    const from = parseDateText($('#rv-from').value.trim(), false, true);
    const toText = $('#rv-to').value.trim();
    const to = toText ? parseDateText(toText, false, true) : null;
    if (!from) { say('最初の月を 2025-07 の形で入力してください。', 'error'); $('#rv-from').focus(); return; }
    if (toText && !to) { say('最後の月を 2025-08 の形で入力してください。', 'error'); $('#rv-to').focus(); return; }
    S.reviewFilter = { from: from.iso.slice(0, 7), to: to ? to.iso.slice(0, 7) : '', staff: $('#rv-staff').value.trim(),
                       municipality: $('#rv-municipality').value };
    busy(async () => { await showReviews(); $('#review-go').focus(); });
  });
  const csv = el('button', { type: 'button', id: 'review-csv', onclick: () => busy(() => download('text/csv', 'csv')) }, 'CSVでダウンロード');
  const pdf = el('button', { type: 'button', id: 'review-pdf', onclick: () => busy(() => download('application/pdf', 'pdf')) }, '印刷用のPDFをダウンロード');
  const range = wareki(answer.from) + '〜' + wareki(answer.to);
  const tables = tablesOf(answer).map(([name, rows], i) => wideTable({ class: 'list review-list', id: 'review-' + i },
    el('caption', { text: name + '（' + rows.length + '件）' }),
    el('thead', {}, el('tr', {}, ['ケースID', '市区町村', '区分', '見直し時期', 'もう一人の担当者'].map(t => el('th', { scope: 'col', text: t })))),
    el('tbody', {}, rows.map(r => el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: '#/cases/' + encodeURIComponent(r.id) }, r.id)),
      el('td', { text: municipalityName(r.municipality) }),
      el('td', { text: r.category || '' }),
      el('td', { text: wareki(r.review) }),
      el('td', { text: [r.maternal_health, r.child_welfare].filter(n => n && n !== name).join('、') }))))));
  page('見直し予定（更新時期一覧）',
    el('p', { class: 'hint', text: '見直し時期が指定した月の範囲にあるプランを、担当者ごとに示します。' }),
    filters,
    el('p', { id: 'review-summary', role: 'status', text: range + '：' + answer.rows.length + '件' }),
    tables.length ? tables : el('p', { id: 'review-empty', text: 'この期間に見直すプランはありません。' }),
    el('p', { class: 'actions' }, csv, ' ', pdf));
}

async function download(accept, extension) {
  const res = await api('POST', '/api/v1/reviews', { body: conditions(S.reviewFilter), accept });
  if (!res.ok) {
    const b = await json(res);
    say((b && b.error && b.error.message) || 'ダウンロードできませんでした。', 'error');
    return;
  }
  const a = el('a', { href: URL.createObjectURL(await res.blob()), download: 'reviews-' + S.reviewFilter.from + '.' + extension, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  say(extension === 'csv' ? 'CSVをダウンロードしました。' : '印刷用のPDFをダウンロードしました。', 'ok');
}

export { tablesOf, showReviews };
