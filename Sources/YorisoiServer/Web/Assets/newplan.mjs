import { municipalityName } from './cases.mjs';
import { $, S, busy, el } from './core.mjs';
import { draftOffer, findDraft, saveDraft, setDraftState } from './drafts.mjs';
import { openEditor } from './editor.mjs';
import { confirmDialog } from './notices.mjs';
import { page } from './router.mjs';

// ---------- new case ----------
// One choice here (the municipality's form); the document is chosen once, in the editor's
// toolbar. A new plan is a サポートプラン, an imported file too.
async function showNew() {
  const imported = S.pendingImport; S.pendingImport = null;
  const muni = el('select', { id: 'new-municipality' },
    S.templates.map(t => el('option', { value: t.municipality, selected: imported && imported.municipality === t.municipality }, t.name + '（' + t.municipality + '）')));
  const start = el('button', { type: 'button', id: 'new-start', class: 'primary' }, 'この様式で始める');
  const holder = el('div', { id: 'editor-holder' });
  const begin = async (data, kind) => {
    if (S.dirty && S.data) {
      const ok = await confirmDialog('いま入力している内容を閉じて、' + municipalityName(muni.value) + 'の様式で始め直します。入力した内容は下書きとして残ります。', '始め直す');
      if (!ok) return;
      await saveDraft();
    }
    data.municipality = muni.value;
    if (data.version === undefined) data.version = 1;
    await openEditor(holder, { data, kind, caseId: null, version: null, readOnly: false });
  };
  start.addEventListener('click', () => busy(() => begin(imported ? imported : { version: 1 }, 'support-plan')));
  const draft = imported ? null : await findDraft('new:plan');
  page(imported ? '取り込んだプラン（未保存）' : '新しいプラン',
    draft ? draftOffer(draft, null, async d => {
      await openEditor(holder, { data: d.case, kind: d.kind, caseId: null, version: null, readOnly: false });
      S.dirty = true; setDraftState('saved', '下書きから開きました');
      const m = $('#new-municipality'); if (m) m.value = d.municipality;
    }) : null,
    el('div', { class: 'panel choose' },
      el('div', { class: 'field' }, el('label', { for: 'new-municipality', text: '市区町村の様式' }), muni),
      start),
    holder);
  if (imported) await begin(imported, 'support-plan');
}

export { showNew };
