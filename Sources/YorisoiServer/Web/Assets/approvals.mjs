import { $, NOTICE_TITLES, S, api, el, expectJSON, json, say } from './core.mjs';
import { APPROVAL_STATES } from './editor.mjs';
import { confirmDialog } from './notices.mjs';
import { page, wideTable } from './router.mjs';

// ---------- 決裁 ----------
async function showApprovals() {
  const list = await expectJSON(await api('GET', '/api/v1/approvals'));
  const open = list.filter(a => a.status === 'pending');
  const row = a => el('tr', { class: 'approval ' + a.status },
    el('th', { scope: 'row', text: String(a.id) }),
    el('td', { text: NOTICE_TITLES[a.kind] }),
    el('td', {}, el('a', { href: '#/cases/' + encodeURIComponent(a.case_id) }, a.case_id)),
    el('td', { text: a.requested_by + '　' + new Date(a.requested_at).toLocaleString('ja-JP') }),
    el('td', { class: 'approval-state', text: APPROVAL_STATES[a.status] + (a.decided_by ? '（' + a.decided_by + '）' : '') + (a.note ? '　理由：' + a.note : '') }),
    el('td', {}, el('a', { href: '/api/v1/approvals/' + a.id + '/pdf', target: '_blank', rel: 'noopener' }, '案を見る'),
      a.status === 'pending' && mayApprove() ? el('button', { type: 'button', class: 'approve', 'data-id': a.id, onclick: () => decide(a, true) }, '決裁する') : null,
      a.status === 'pending' && mayApprove() ? el('button', { type: 'button', class: 'quiet reject', 'data-id': a.id, onclick: () => decide(a, false) }, '差し戻す') : null));
  const table = (id, caption, items) => items.length ? wideTable({ class: 'list', id },
    el('caption', { text: caption + '（' + items.length + '件）' }),
    el('thead', {}, el('tr', {}, ['決裁番号', '書類', 'ケースID', '依頼', '状態', ''].map(t => el('th', { scope: 'col', text: t })))),
    el('tbody', {}, items.map(row))) : el('p', { id: id + '-empty', text: caption + 'はありません。' });
  page('決裁', el('p', { class: 'hint', text: '措置決定通知書は決裁を受けてから発行します。案を見て、決裁するか差し戻してください。' }),
    table('approvals-pending', '決裁待ちの案', open), table('approvals-done', '決裁した案', list.filter(a => a.status !== 'pending')));
}
// The session says the account's role; the server refuses a decision without it anyway.
function mayApprove() { return !S.session || !S.session.role || S.session.role === 'approver' || S.session.role === 'admin'; }
async function decide(a, approve) {
  const local = !S.session || S.session.account === 'local';
  const fields = el('div', {},
    local ? el('div', { class: 'field' }, el('label', { for: 'approver-name', text: '決裁者の氏名' }), el('input', { type: 'text', id: 'approver-name', autocomplete: 'name' })) : null,
    approve ? null : el('div', { class: 'field' }, el('label', { for: 'reject-reason', text: '差し戻す理由' }), el('input', { type: 'text', id: 'reject-reason' })));
  const ok = await confirmDialog('決裁番号 ' + a.id + '（' + NOTICE_TITLES[a.kind] + '、ケース ' + a.case_id + '）を' + (approve ? '決裁します。' : '差し戻します。'), approve ? '決裁する' : '差し戻す', fields);
  if (!ok) return;
  const body = {};
  if (local) body.approver = $('#approver-name').value;
  if (!approve) body.reason = $('#reject-reason').value;
  const res = await api('POST', '/api/v1/approvals/' + a.id + (approve ? '/approve' : '/reject'), { body });
  const b = await json(res);
  if (!res.ok) { say((b && b.error && b.error.message) || '決裁できませんでした。', 'error'); return; }
  await showApprovals();    // redrawn first: a new view clears the old view's messages
  say('決裁番号 ' + a.id + ' を' + (approve ? '決裁しました。' : '差し戻しました。'), 'ok');
}

export { showApprovals, mayApprove, decide };
