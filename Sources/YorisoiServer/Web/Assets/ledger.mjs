import { $, NOTICE_TITLES, S, api, busy, el, expectJSON, json, say } from './core.mjs';
import { fiscalYearName } from './editor.mjs';
import { confirmDialog } from './notices.mjs';
import { page, wideTable } from './router.mjs';
import { wareki } from './wareki.mjs';

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

export { ledgerQuery, showLedger, voidNotice };
