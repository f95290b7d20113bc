import { shown } from './compare.mjs';
import { S, api, el, expectJSON } from './core.mjs';
import { draftOffer, findDraft, setDraftState } from './drafts.mjs';
import { openEditor } from './editor.mjs';
import { page } from './router.mjs';

// ---------- saved case ----------
async function showCase(id, version) {
  const q = version ? '?version=' + version : '';
  const data = await expectJSON(await api('GET', '/api/v1/cases/' + encodeURIComponent(id) + q));
  const versions = await expectJSON(await api('GET', '/api/v1/cases/' + encodeURIComponent(id) + '/versions'));
  const latest = versions.reduce((a, v) => Math.max(a, v.version), 0);
  const readOnly = version !== null && version !== latest;
  const holder = el('div', { id: 'editor-holder' });
  const draft = readOnly ? null : await findDraft(id);
  page('ケース ' + id + (readOnly ? '（第' + version + '版・読み取り専用）' : ''),
    draft ? draftOffer(draft, latest, async d => {
      // The draft keeps the version it started from: a save over a newer one is compared first.
      await openEditor(holder, { data: d.case, kind: d.kind, caseId: id, version: d.base_version || latest, readOnly: false });
      S.dirty = true; setDraftState('saved', '下書きから開きました');
    }) : null,
    versionsPanel(id, versions, version || latest, readOnly), holder);
  await openEditor(holder, { data, kind: S.kindFor && S.kindFor[id] || 'support-plan', caseId: id, version: version || latest, readOnly });
}
function latestOf(versions) { return versions.reduce((a, v) => Math.max(a, v.version), 0); }
function versionsPanel(id, versions, shown, readOnly) {
  const items = versions.slice().sort((a, b) => b.version - a.version).map(v => el('li', {},
    v.version === shown ? el('strong', { 'aria-current': 'true' }, '第' + v.version + '版') :
      el('a', { href: '#/cases/' + encodeURIComponent(id) + '/v/' + v.version, class: 'version-link' }, '第' + v.version + '版'),
    ' ', el('span', { class: 'meta' }, (v.saved_at ? new Date(v.saved_at).toLocaleString('ja-JP') : '') + (v.account ? '　' + v.account : '')),
    v.version === latestOf(versions) ? null : el('a', { href: '#/cases/' + encodeURIComponent(id) + '/compare/' + v.version, class: 'compare-link' },
      '　第' + v.version + '版と最新を比べる')));
  return el('details', { class: 'panel versions', open: readOnly },
    el('summary', {}, '保存した版（' + versions.length + '）'),
    readOnly ? el('p', { class: 'notice', id: 'readonly-banner' }, '古い版を表示しています。変更はできません。 ',
      el('a', { href: '#/cases/' + encodeURIComponent(id) }, '最新の版を開く')) : null,
    el('ol', { id: 'version-list' }, items));
}

export { showCase, latestOf, versionsPanel };
