import { $, NOTICE_TITLES, S, api, json, say } from './core.mjs';
import { COPIED_SERVICES, loadCaseNotices, noticeResult, openEditor } from './editor.mjs';
import { caseBody, fieldId } from './pointer.mjs';
import { flushValidation, showPdf } from './preview.mjs';
import { blockedByErrors, hasErrors, showDiagnostics } from './validation.mjs';

// ---------- notices ----------
function confirmDialog(text, okLabel, extra) {
  const dlg = $('#confirm-dialog');
  $('#confirm-text').textContent = text;
  $('#confirm-ok').textContent = okLabel;
  $('#confirm-extra').replaceChildren(...(extra ? [extra] : []));
  return new Promise(resolve => {
    const done = v => { dlg.close(); $('#confirm-ok').onclick = null; $('#confirm-cancel').onclick = null; resolve(v); };
    $('#confirm-ok').onclick = () => done(true);
    $('#confirm-cancel').onclick = () => done(false);
    dlg.oncancel = () => resolve(false);
    dlg.showModal();
    $('#confirm-cancel').focus();
  });
}
async function issue(kind) {
  if (S.kind !== kind) {
    // Switch the form to the notice's kind so its fields and rules are the ones checked.
    S.kind = kind;
    await openEditor($('#editor-holder'), { data: S.data, kind, caseId: S.caseId, version: S.version, readOnly: false });
    const copied = $('#action-result') && $('#action-result').textContent === COPIED_SERVICES;
    say(NOTICE_TITLES[kind] + 'の項目を表示しました。' + (copied ? COPIED_SERVICES : '') + '内容を確かめてから、もう一度「発行」を押してください。');
    return;
  }
  await flushValidation();
  if (blockedByErrors()) return;
  // An approved 決裁 of this case is issued as approved (the server numbers exactly that draft).
  const approved = (S.approvals || []).find(a => a.kind === kind && a.status === 'approved');
  let q = '?kind=' + kind, body = caseBody();
  if (approved) {
    const ok = await confirmDialog('決裁番号 ' + approved.id + '（' + (approved.decided_by || '') + ' 決裁）の案を' + NOTICE_TITLES[kind] + 'として発行します。発行すると文書番号が発番簿に記録され、取り消しても番号は欠番として残ります。発行しますか。', '発行する');
    if (!ok) { say('発行をやめました。'); return; }
    q += '&approval=' + approved.id; body = '';
  } else {
    const ok = await confirmDialog(NOTICE_TITLES[kind] + 'を発行します。発行すると文書番号が発番簿に記録され、取り消しても番号は欠番として残ります。発行しますか。', '発行する');
    if (!ok) { say('発行をやめました。'); return; }
  }
  const headers = S.caseId ? { 'Yorisoi-Case-Id': S.caseId } : {};
  const res = await api('POST', '/api/v1/notices' + q, { body, accept: 'application/pdf', headers });
  if (res.status === 422) {
    const b = await json(res); S.diagnostics = (b && b.diagnostics) || []; showDiagnostics();
    if (!hasErrors() && b && b.error) noticeResult(b.error.message, 'error'); else { $('#summary').hidden = false; $('#summary').focus(); }
    return;
  }
  if (res.status === 409) {
    const b = await json(res);
    if (b && b.error && b.error.code === 'approval_required') { await requestApproval(kind); return; }
    noticeResult((b && b.error && b.error.message) || '発行できませんでした。', 'error');
    return;
  }
  if (!res.ok) { const b = await json(res); noticeResult((b && b.error && b.error.message) || '発行できませんでした（' + res.status + '）', 'error'); return; }
  // The server percent-encodes the number: header values carry no charset.
  const number = decodeURIComponent(res.headers.get('Yorisoi-Document-Number') || '');
  showPdf(await res.blob(), (S.caseId || 'notice') + '-' + kind + '.pdf');
  // The case records its number, so a reprint carries the same one.
  if (number && S.data[kind] && typeof S.data[kind] === 'object' && !S.data[kind].number) {
    S.data[kind].number = number;
    const input = document.getElementById(fieldId('/' + kind + '/number'));
    if (input) input.value = number;
  }
  await loadCaseNotices();
  noticeResult(NOTICE_TITLES[kind] + 'を発行しました。文書番号：' + number, 'ok');
}
// The server asks for 決裁: the draft as it stands now is sent for approval.
async function requestApproval(kind) {
  if (!S.caseId) { noticeResult('決裁を依頼する前にケースを保存してください。', 'error'); return; }
  const ok = await confirmDialog(NOTICE_TITLES[kind] + 'は決裁を受けてから発行します。いまの内容で決裁を依頼しますか。', '決裁を依頼する');
  if (!ok) { say('決裁の依頼をやめました。'); return; }
  const res = await api('POST', '/api/v1/approvals?kind=' + kind, { body: caseBody() });
  if (!res.ok) { const b = await json(res); noticeResult((b && b.error && b.error.message) || '決裁を依頼できませんでした。', 'error'); return; }
  const a = await json(res);
  await loadCaseNotices();
  noticeResult('決裁を依頼しました（決裁番号 ' + a.id + '）。決裁されたら、もう一度「発行」を押してください。', 'ok');
}

export { confirmDialog, issue, requestApproval };
