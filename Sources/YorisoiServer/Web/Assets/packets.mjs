import { diagnosticsText, municipalityName, searchCases, searchPanel } from './cases.mjs';
import { $, $$, S, api, el, expectJSON, json, say } from './core.mjs';
import { confirmDialog } from './notices.mjs';
import { previewState, showPdf } from './preview.mjs';
import { page } from './router.mjs';
import { pad, parseDateText, toHalfWidth } from './wareki.mjs';

// ---------- meeting packets ----------
// The meeting kinds and their consent rule come from the packet builder itself
// (GET /api/v1/meeting-kinds, MeetingKind), never from a list of the page's own.
async function meetingKinds() {
  if (!S.meetingKinds) S.meetingKinds = await expectJSON(await api('GET', '/api/v1/meeting-kinds'));
  return S.meetingKinds;
}
// What the page says under the select: which meetings print cases without consent.
function consentHint(kinds) {
  const leaving = kinds.filter(k => !k.includes_unconsented).map(k => k.kind);
  const including = kinds.filter(k => k.includes_unconsented).map(k => k.kind);
  return (leaving.length ? leaving.join('と') + 'の資料には、情報共有の同意を記録していないケースは入りません。' : '') +
    (including.length ? including.join('と') + 'は要保護児童対策地域協議会の会議として、同意の記録がないケースも載せます。' : '');
}
// The ids among the chosen rows that the builder will leave out for this meeting kind.
function leftOutIds(kind, rows) {
  if (!kind || kind.includes_unconsented) return [];
  return rows.filter(c => c && c.consented !== true).map(c => c.id);
}
// The packet printed most often (every few weeks), so the one offered first.
const FIRST_KIND = '進行管理会議';
// The name follows the kind until staff write a name of their own.
function kindChanged(e) {
  const title = $('#pk-title');
  if (!title.value || title.value === e.target.dataset.previous) title.value = e.target.value;
  e.target.dataset.previous = e.target.value;
}
async function showPackets() {
  S.packetChosen = S.packetChosen || new Map();   // id -> case row, kept across searches
  const kinds = await meetingKinds();
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
        field('pk-kind', '会議の種類', el('select', { id: 'pk-kind', 'aria-describedby': 'pk-kind-hint', 'data-previous': FIRST_KIND, onchange: kindChanged },
          kinds.map(k => el('option', { value: k.kind, selected: k.kind === FIRST_KIND }, k.kind))),
          consentHint(kinds)),
        field('pk-title', '会議の名称', el('input', { type: 'text', id: 'pk-title', value: FIRST_KIND })),
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
  // A meeting that prints only what families agreed to share leaves the other cases out; the
  // page says which before building.
  const kind = (await meetingKinds()).find(k => k.kind === $('#pk-kind').value);
  const unconsented = leftOutIds(kind, chosen.map(b => S.packetChosen.get(b.value)));
  if (unconsented.length) {
    const ok = await confirmDialog(kind.kind + 'の資料には、情報共有の同意を記録していないケースは入りません：' + unconsented.join('、') + '。残りのケースで作りますか。', '作る');
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
  // The counts are the builder's, sent with the PDF.
  const printed = res.headers.get('Yorisoi-Included-Cases');
  const left = +res.headers.get('Yorisoi-Left-Out-Cases') || 0;
  previewState('会議資料を作りました（' + printed + 'ケース、' + copies + '部' + (left ? '。同意の記録がないため載せなかったケース：' + left + '件' : '') + '）。');
  say('会議資料を作りました。', 'ok');
}

export { consentHint, leftOutIds, showPackets, buildPacket };
