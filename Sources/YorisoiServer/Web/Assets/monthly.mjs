import { $, S, api, el, json, say } from './core.mjs';
import { diagnosticsText } from './cases.mjs';
import { previewState, showPdf } from './preview.mjs';
import { page } from './router.mjs';
import { pad, parseDateText, wareki } from './wareki.mjs';

// ---------- 月次起案 ----------
// One town's サポートプラン signed in a month, behind a cover that lists them, for the 事後報告
// to the センター長 (POST /api/v1/monthly-reports). Which plans belong to the month is the
// engine's rule (MonthlyReport.isSigned: agreed, consent dated in the month).
function lastMonth() {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return d.getFullYear() + '-' + pad(d.getMonth() + 1);
}

async function showMonthly() {
  const f = S.monthlyFilter || (S.monthlyFilter = { month: lastMonth(), municipality: S.templates[0] && S.templates[0].municipality });
  const field = (id, label, input, hint) => el('div', { class: 'field' }, el('label', { for: id, text: label }),
    hint ? el('p', { class: 'hint', id: id + '-hint', text: hint }) : null, input);
  page('月次起案（署名済みプランのまとめ）',
    el('p', { class: 'hint', text: 'その月にご家族の署名をいただいたサポートプランを、一覧の表紙をつけて1つのPDFにまとめます。' }),
    el('form', { id: 'monthly-form', class: 'panel', novalidate: true, onsubmit: e => { e.preventDefault(); } },
      field('mr-month', '月', el('input', { type: 'text', id: 'mr-month', value: f.month, 'aria-describedby': 'mr-month-hint' }), '例：2025-07 または 令和7年7月'),
      field('mr-municipality', '市区町村', el('select', { id: 'mr-municipality' },
        S.templates.map(t => el('option', { value: t.municipality, selected: f.municipality === t.municipality }, t.name)))),
      el('button', { type: 'button', class: 'primary', id: 'monthly-go', onclick: buildMonthly }, '月次起案を作る')),
    el('section', { class: 'preview', 'aria-labelledby': 'preview-title' },
      el('h2', { id: 'preview-title', text: 'できた月次起案' }),
      el('p', { id: 'preview-state', class: 'hint', role: 'status' }),
      el('div', { class: 'preview-actions' },
        el('a', { id: 'download', class: 'button', hidden: true, download: 'monthly-report.pdf' }, 'PDFをダウンロード'),
        el('button', { type: 'button', id: 'print', hidden: true, onclick: () => { const fr = $('#preview-frame'); fr.contentWindow.focus(); fr.contentWindow.print(); } }, '印刷')),
      el('iframe', { id: 'preview-frame', title: '月次起案のPDF', hidden: true })));
}

async function buildMonthly() {
  const parsed = parseDateText($('#mr-month').value.trim(), false, true);
  if (!parsed) { say('月を 2025-07 の形で入力してください。', 'error'); $('#mr-month').focus(); return; }
  const month = parsed.iso.slice(0, 7);
  S.monthlyFilter = { month, municipality: $('#mr-municipality').value };
  previewState('月次起案を作っています…');
  const res = await api('POST', '/api/v1/monthly-reports', { body: S.monthlyFilter, accept: 'application/pdf' });
  if (!res.ok) { const b = await json(res); previewState(''); say('月次起案を作れませんでした：' + ((b && b.error && b.error.message) || diagnosticsText(b) || res.status), 'error'); return; }
  showPdf(await res.blob(), 'monthly-report-' + month + '.pdf');
  previewState(wareki(month) + 'に署名をいただいたプラン' + res.headers.get('Yorisoi-Included-Cases') + '件をまとめました。');
  say('月次起案を作りました。', 'ok');
}

export { showMonthly, buildMonthly };
