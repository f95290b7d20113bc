import { latestOf } from './casepage.mjs';
import { showConflict } from './compare.mjs';
import { $, ApiError, S, api, expectJSON, json, say } from './core.mjs';
import { cancelDraft, settleDrafts } from './drafts.mjs';
import { caseBody } from './pointer.mjs';
import { routeNow } from './router.mjs';
import { cancelValidation, showDiagnostics } from './validation.mjs';

// ---------- save ----------
// A save names the version its edit started from; over a newer one the server refuses (409
// version_conflict) and the page shows both, field by field, to choose.
async function save() {
  if (S.readOnly) return;
  cancelValidation();
  await settleDrafts();
  S.acted = true;
  const body = caseBody();
  if (!body.id) { S.local['/id'] = 'サポートプランIDを入力してください（保存に必要です）'; showDiagnostics(); $('#summary').focus(); return; }
  let res;
  if (S.caseId) res = await api('PUT', '/api/v1/cases/' + encodeURIComponent(S.caseId) + (S.version ? '?base_version=' + S.version : ''), { body });
  else res = await api('POST', '/api/v1/cases', { body });
  const out = await json(res);
  if (res.status === 422) { S.diagnostics = out.diagnostics || []; showDiagnostics(); $('#summary').focus(); say('保存できませんでした。直すところは一覧のとおりです。', 'error'); return; }
  if (res.status === 409 && out && out.error && out.error.code === 'version_conflict') {
    await showConflict(S.caseId, body, +res.headers.get('Yorisoi-Latest-Version'),
      'この編集を始めた後に、ほかの人（または別の画面）が第' + res.headers.get('Yorisoi-Latest-Version') + '版を保存しました。');
    return;
  }
  if (res.status === 409) {
    // The id is taken (a file exported and imported again, or the same id typed twice): the
    // user may keep it as the next version of that case after comparing.
    const latest = await expectJSON(await api('GET', '/api/v1/cases/' + encodeURIComponent(body.id) + '/versions')).catch(() => null);
    if (!latest) { say('そのサポートプランID（' + body.id + '）は既にあります。別のIDにしてください。', 'error'); return; }
    await showConflict(body.id, body, latestOf(latest), 'サポートプランID ' + body.id + ' のケースはもう保存されています（第' + latestOf(latest) + '版まで）。この内容をその次の版として保存できます。');
    return;
  }
  if (!res.ok) throw new ApiError(res.status, out);
  await saved(out);
  return out;
}
async function saved(out) {
  S.dirty = false;
  cancelDraft();
  S.kindFor = S.kindFor || {}; S.kindFor[out.id] = S.kind;
  // Reopen the saved case within this operation: setting location.hash would route later, from
  // a hashchange event, after the page already looked settled.
  const target = '#/cases/' + encodeURIComponent(out.id);
  if (location.hash !== target) history.pushState(null, '', target);
  await routeNow();
  say('保存しました（' + out.id + ' 第' + out.version + '版）。', 'ok');
  const b = $('#save'); if (b) b.focus();   // focus stays on the action (WCAG 2.4.3)
}

export { save, saved };
