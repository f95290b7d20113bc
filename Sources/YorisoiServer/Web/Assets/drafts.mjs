import { $, ApiError, KIND_TITLES, S, api, busy, el, expectJSON, json, say } from './core.mjs';
import { confirmDialog } from './notices.mjs';
import { caseBody } from './pointer.mjs';
import { page } from './router.mjs';

// ---------- drafts (work in progress, kept on the server) ----------
// Every edit is kept as the account's draft of this case within seconds (never in browser
// storage), and offered back when the case (or a new plan) is opened again. Saving the case
// drops it on the server. <html data-draft> says where the latest edit is: "pending" (not yet
// on the server), "saved" or "none" — the browser tests wait on it.
const DRAFT_DELAY = 1500;
let draftTimer = null, draftInFlight = null, draftState = 'none';
function setDraftState(state, text) {
  draftState = state;
  document.documentElement.dataset.draft = state;
  const d = $('#draft-state'); if (d && text !== undefined) d.textContent = text;
}
function draftKey() { return S.caseId || 'new:plan'; }
function scheduleDraft() {
  if (S.readOnly || !S.data) return;
  if (draftTimer) clearTimeout(draftTimer);
  setDraftState('pending');
  draftTimer = setTimeout(() => { draftTimer = null; saveDraft(); }, DRAFT_DELAY);
}
function cancelDraft() {
  if (draftTimer) { clearTimeout(draftTimer); draftTimer = null; }
  S.draftSavedAt = null;
  setDraftState('none', '');
}
async function saveDraft() {
  if (draftTimer) { clearTimeout(draftTimer); draftTimer = null; }
  if (!S.data || S.readOnly || !S.dirty) return;
  if (draftInFlight) await draftInFlight;
  const q = '?kind=' + encodeURIComponent(S.kind) + '&municipality=' + encodeURIComponent(S.data.municipality) +
    (S.caseId && S.version ? '&base_version=' + S.version : '');
  const path = '/api/v1/drafts/' + encodeURIComponent(draftKey()) + q;
  draftInFlight = (async () => {
    try {
      const res = await api('PUT', path, { body: caseBody() });
      if (res.ok) {
        S.draftSavedAt = new Date().toLocaleTimeString('ja-JP');
        if (!draftTimer) setDraftState('saved', '下書きを保存しました（' + S.draftSavedAt + '）');
      } else setDraftState('pending', '下書きを保存できませんでした。');
    } catch (e) { /* 401: the page shows the sign-in; the last draft stays */ }
  })();
  try { await draftInFlight; } finally { draftInFlight = null; }
}
// Before a save: no autosave may land after it (the server drops the draft on saving).
async function settleDrafts() {
  if (draftTimer) { clearTimeout(draftTimer); draftTimer = null; }
  if (draftInFlight) await draftInFlight;
}
// The account's draft for a key, or null.
async function findDraft(key) {
  const list = await expectJSON(await api('GET', '/api/v1/drafts'));
  const d = list.find(x => x.key === key);
  return d ? expectJSON(await api('GET', '/api/v1/drafts/' + encodeURIComponent(key))) : null;
}
async function discardDraft(key) {
  const res = await api('DELETE', '/api/v1/drafts/' + encodeURIComponent(key));
  if (!res.ok && res.status !== 404) throw new ApiError(res.status, await json(res));
}
// A panel that offers a kept draft back; `open` restores it.
function draftOffer(draft, latestVersion, open) {
  const when = new Date(draft.saved_at).toLocaleString('ja-JP');
  const older = draft.base_version && latestVersion && draft.base_version < latestVersion;
  const panel = el('section', { class: 'panel draft-offer', id: 'draft-offer', 'aria-labelledby': 'draft-offer-title' },
    el('h2', { id: 'draft-offer-title', text: '保存していない下書きがあります' }),
    el('p', {}, when + ' まで入力していた内容（' + (KIND_TITLES[draft.kind] || '書類') + '）です。',
      older ? '下書きは第' + draft.base_version + '版から書き始めたもので、その後に第' + latestVersion + '版が保存されています。開いて保存するときに、違いを見比べて選べます。' : ''),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', id: 'draft-open', onclick: () => busy(async () => { panel.remove(); await open(draft); }) }, '下書きを開く'),
      el('button', { type: 'button', id: 'draft-discard', onclick: () => busy(async () => {
        const ok = await confirmDialog('下書きを捨てます。保存した版はそのまま残ります。', '捨てる');
        if (!ok) return;
        await discardDraft(draft.key); panel.remove(); say('下書きを捨てました。');
      }) }, '下書きを捨てる')));
  return panel;
}

export { DRAFT_DELAY, draftTimer, setDraftState, draftKey, scheduleDraft, cancelDraft, saveDraft, settleDrafts, findDraft, discardDraft, draftOffer };
