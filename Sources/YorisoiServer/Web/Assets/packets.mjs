import { diagnosticsText, municipalityName, searchCases, searchPanel } from './cases.mjs';
import { $, $$, S, api, el, expectJSON, json, say } from './core.mjs';
import { confirmDialog } from './notices.mjs';
import { previewState, showPdf } from './preview.mjs';
import { page } from './router.mjs';
import { pad, parseDateText, toHalfWidth } from './wareki.mjs';

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

export { MEETING_KINDS, showPackets, buildPacket };
