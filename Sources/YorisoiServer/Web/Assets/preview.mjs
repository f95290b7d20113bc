import { $, S, api, json } from './core.mjs';
import { caseBody } from './pointer.mjs';
import { blockedByErrors, cancelValidation, showDiagnostics, tracked, validate } from './validation.mjs';

// ---------- preview, download, print ----------
function previewState(text) { const p = $('#preview-state'); if (p) p.textContent = text; }
let previewSeq = 0;
async function preview(explicit) {
  if (explicit) { await flushValidation(); if (blockedByErrors()) return; }
  const seq = ++previewSeq;
  previewState('プレビューを作っています…');
  const q = '?kind=' + encodeURIComponent(S.kind) + '&municipality=' + encodeURIComponent(S.data.municipality)
    + (S.familyCopy ? '&family_copy=' + encodeURIComponent(S.familyCopy) : '')
    + (S.ruby ? '&ruby=' + encodeURIComponent(S.ruby) : '')
    + (S.rubyGrade ? '&ruby_grade=' + encodeURIComponent(S.rubyGrade) : '');
  const res = await api('POST', '/api/v1/render' + q, { body: caseBody(), accept: 'application/pdf' });
  if (seq !== previewSeq) return;
  if (res.status === 422) { const b = await json(res); S.diagnostics = (b && b.diagnostics) || []; showDiagnostics(); previewState('誤りを直すとプレビューが更新されます。'); return; }
  if (!res.ok) { const b = await json(res); previewState((b && b.error && b.error.message) || 'プレビューを作れませんでした。'); return; }
  showPdf(await res.blob(), (S.caseId || S.data.id || 'plan') + '-' + S.kind + (S.familyCopy ? '-' + S.familyCopy : '') + '.pdf');
  previewState('プレビューを更新しました（' + new Date().toLocaleTimeString('ja-JP') + '）。');
}
function showPdf(blob, filename) {
  if (S.previewUrl) URL.revokeObjectURL(S.previewUrl);
  S.previewUrl = URL.createObjectURL(blob);
  const frame = $('#preview-frame');
  if (!frame) return;
  frame.src = S.previewUrl;
  frame.hidden = false;
  const dl = $('#download'); dl.href = S.previewUrl; dl.setAttribute('download', filename); dl.hidden = false;
  $('#print').hidden = false;
}
async function flushValidation() {
  cancelValidation();
  await tracked(validate);
}
async function printPreview() {
  await flushValidation();
  if (blockedByErrors()) return;
  const frame = $('#preview-frame');
  try { frame.contentWindow.focus(); frame.contentWindow.print(); }
  catch (e) { window.open(S.previewUrl, '_blank', 'noopener'); }
}

export { previewState, previewSeq, preview, showPdf, flushValidation, printPreview };
