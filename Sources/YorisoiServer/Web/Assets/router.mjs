import { showApprovals } from './approvals.mjs';
import { showCase } from './casepage.mjs';
import { showCases } from './cases.mjs';
import { showCompare } from './compare.mjs';
import { $, $$, ApiError, S, busy, el, say } from './core.mjs';
import { saveDraft } from './drafts.mjs';
import { showLedger } from './ledger.mjs';
import { showNew } from './newplan.mjs';
import { confirmDialog } from './notices.mjs';
import { showPackets } from './packets.mjs';
import { showReviews } from './reviews.mjs';
import { showMonthly } from './monthly.mjs';
import { clearPage } from './session.mjs';

// ---------- router ----------
function route() { return busy(routeNow); }
async function routeNow() {
  const hash = location.hash || '#/cases';
  // Leaving an edited case asks first (its draft is written before the question).
  if (S.dirty && !S.readOnly && S.data && S.routedHash !== null && hash !== S.routedHash) {
    await saveDraft();
    const ok = await confirmDialog('保存していない変更があります。入力した内容は下書きとしてサーバーに残り、このケース（新しいプランなら「新しいプラン」）を開くと続きから書けます。このページを離れますか。', '離れる');
    if (!ok) { history.replaceState(null, '', S.routedHash); return; }
  }
  let m;
  $$('nav a').forEach(a => a.removeAttribute('aria-current'));
  const mark = n => { const a = $('nav a[data-nav="' + n + '"]'); if (a) a.setAttribute('aria-current', 'page'); };
  try {
    if (hash === '#/cases') { mark('cases'); await showCases(); }
    else if (hash === '#/cases/new') { mark('new'); await showNew(); }
    else if ((m = /^#\/cases\/([^/]+)\/v\/(\d+)$/.exec(hash))) { mark('cases'); await showCase(decodeURIComponent(m[1]), +m[2]); }
    else if ((m = /^#\/cases\/([^/]+)\/compare\/(\d+)$/.exec(hash))) { mark('cases'); await showCompare(decodeURIComponent(m[1]), +m[2]); }
    else if ((m = /^#\/cases\/([^/]+)$/.exec(hash))) { mark('cases'); await showCase(decodeURIComponent(m[1]), null); }
    else if (hash === '#/ledger') { mark('ledger'); await showLedger(); }
    else if (hash === '#/approvals') { mark('approvals'); await showApprovals(); }
    else if (hash === '#/packets') { mark('packets'); await showPackets(); }
    else if (hash === '#/reviews') { mark('reviews'); await showReviews(); }
    else if (hash === '#/monthly') { mark('monthly'); await showMonthly(); }
    else { location.hash = '#/cases'; return; }
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    say(e.message || String(e), 'error');
  }
  S.routedHash = hash;
  document.documentElement.dataset.route = hash;   // which view the page now shows (for tests)
}
// A table keeps its columns on a narrow screen and scrolls inside its own region (labelled and
// reachable by keyboard) instead of making the whole page scroll sideways (WCAG 1.4.10).
function wideTable(attrs, ...children) {
  const table = el('table', attrs, ...children);
  const caption = table.querySelector('caption');
  return el('div', { class: 'table-wrap', role: 'region', tabindex: '0',
    'aria-label': caption ? caption.textContent : '一覧' }, table);
}
function page(title, ...content) {
  clearPage();
  const h = el('h1', { id: 'page-title', text: title });
  // Optional parts come as null (no draft to offer) and lists as arrays (one table per group):
  // left out and spread, never written as text.
  $('#main').append(h, ...content.flat().filter(c => c !== null && c !== undefined && c !== false));
  document.title = title + ' — よりそい';
}

export { route, routeNow, wideTable, page };
