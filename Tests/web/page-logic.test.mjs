// The staff page's logic without a browser: dates as staff type them, JSON pointers, the
// messages the page shows and the field-by-field comparison of two versions.
// Run: node --test Tests/web/   (Node's built-in runner; no npm packages)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateText, wareki, warekiDate, warekiMonth } from '../../Sources/YorisoiServer/Web/Assets/wareki.mjs';
import { fieldId, ptrGet, ptrSet, pruned } from '../../Sources/YorisoiServer/Web/Assets/pointer.mjs';
import { staffMessage } from '../../Sources/YorisoiServer/Web/Assets/validation.mjs';
import { differences, labelIn, shown } from '../../Sources/YorisoiServer/Web/Assets/compare.mjs';
import { fiscalYearName } from '../../Sources/YorisoiServer/Web/Assets/editor.mjs';
import { consentHint, leftOutIds } from '../../Sources/YorisoiServer/Web/Assets/packets.mjs';
import { tablesOf } from '../../Sources/YorisoiServer/Web/Assets/reviews.mjs';

test('dates are read as staff type them, in every form the page accepts', () => {
  for (const text of ['令和7年4月1日', 'R7.4.1', 'r7/4/1', '2025-04-01', '2025/4/1', '２０２５／４／１', '2025年4月1日']) {
    assert.deepEqual(parseDateText(text, true, false), { iso: '2025-04-01' }, text);
  }
  assert.deepEqual(parseDateText('令和元年5月1日', true, false), { iso: '2019-05-01' });
  assert.deepEqual(parseDateText('令和7年4月', false, true), { iso: '2025-04' });
  assert.deepEqual(parseDateText('2025-04', false, true), { iso: '2025-04' });
});

test('impossible dates and dates outside their era are refused', () => {
  for (const text of ['2025-02-29', '令和7年13月1日', '令和1年4月30日', '平成31年5月1日', '来週', '']) {
    assert.equal(parseDateText(text, true, false), null, text);
  }
  assert.equal(parseDateText('2025-04', true, false), null, 'a month where a day is needed');
  assert.equal(parseDateText('2025-04-01', false, true), null, 'a day where a month is needed');
});

test('和暦 beside a field names the era in force that day, 元年 for the first year', () => {
  assert.equal(warekiDate('2019-04-30'), '平成31年4月30日');
  assert.equal(warekiDate('2019-05-01'), '令和元年5月1日');
  assert.equal(warekiMonth('2019-04'), '平成31年4月');
  assert.equal(warekiMonth('2019-05'), '令和元年5月');
  assert.equal(wareki('1989-01-08'), '平成元年1月8日');
  assert.equal(fiscalYearName(2025), '令和7年度');
  assert.equal(fiscalYearName(2019), '令和元年度', 'named in hindsight, as the engine names it');
  assert.equal(fiscalYearName(2018), '平成30年度');
  assert.equal(fiscalYearName(2019, '2019-04-10'), '平成31年度', 'named before 令和 began');
});

test('JSON pointers read, write and name fields as the form does', () => {
  const data = {};
  ptrSet(data, '/plan/supports/0/service', '産後ケア事業');
  assert.deepEqual(data, { plan: { supports: [{ service: '産後ケア事業' }] } });
  assert.equal(ptrGet(data, '/plan/supports/0/service'), '産後ケア事業');
  assert.equal(ptrGet(data, '/plan/goals/short'), undefined);
  ptrSet(data, '/plan/supports/0/service', undefined);
  assert.deepEqual(pruned(data), { plan: { supports: [{}] } }, 'an emptied row stays a row; empty objects go');
  assert.equal(fieldId('/plan/supports/0/service'), 'f-plan-supports-0-service');
  assert.equal(fieldId('/a~1b'), 'f-a_7e1b');
});

test('messages keep staff words and drop the case-file keys', () => {
  assert.equal(staffMessage('関係機関との情報共有についての同意（consent.agreed）がありません'), '関係機関との情報共有についての同意がありません');
  assert.equal(staffMessage('措置の期間（from と to）が記載されていません'), '措置の期間が記載されていません');
  assert.equal(staffMessage('区分（要保護児童・要支援児童・特定妊婦・その他）がありません'), '区分（要保護児童・要支援児童・特定妊婦・その他）がありません');
});

test('two versions are compared field by field; lists of another length as one item', () => {
  const mine = { plan: { wishes: { child: 'A', guardian: 'B' }, supports: [{ service: 'X', content: '1' }] } };
  const theirs = { plan: { wishes: { child: 'A', guardian: 'C' }, supports: [{ service: 'X', content: '2' }], review: '2025-07' } };
  assert.deepEqual(differences(mine, theirs).map(d => d.pointer).sort(),
    ['/plan/review', '/plan/supports/0/content', '/plan/wishes/guardian']);
  const grown = { plan: { supports: [{ service: 'X' }, { service: 'Y' }] } };
  assert.deepEqual(differences({ plan: { supports: [{ service: 'X' }] } }, grown).map(d => d.pointer), ['/plan/supports']);
  const fields = [{ pointer: '/plan/supports', label: '利用する支援', type: 'repeat', item_label: '支援',
                    fields: [{ pointer: '/content', label: '内容', type: 'textarea' }] }];
  assert.equal(labelIn(fields, '/plan/supports/1/content', ''), '支援 2の内容');
  assert.equal(shown(undefined), '（空欄）');
  assert.equal(shown('2025-04-01'), '2025-04-01（令和7年4月1日）');
});

test('the packet page warns from the builder\'s consent rule, not a copy of it', () => {
  // As GET /api/v1/meeting-kinds answers.
  const kinds = [{ kind: '合同ケース会議', council: false, includes_unconsented: false },
                 { kind: '実務者会議', council: true, includes_unconsented: true },
                 { kind: '個別ケース検討会議', council: true, includes_unconsented: false }];
  const rows = [{ id: 'A', consented: true }, { id: 'B', consented: false }, { id: 'C' }];
  assert.deepEqual(leftOutIds(kinds[0], rows), ['B', 'C']);
  assert.deepEqual(leftOutIds(kinds[2], rows), ['B', 'C']);
  assert.deepEqual(leftOutIds(kinds[1], rows), []);
  const hint = consentHint(kinds);
  assert.match(hint, /合同ケース会議と個別ケース検討会議の資料には、情報共有の同意を記録していないケースは入りません/);
  assert.match(hint, /実務者会議は要保護児童対策地域協議会の会議として/);
});

test('the review list draws the server\'s groups, each plan under each of its staff', () => {
  const answer = { rows: [{ id: 'A' }, { id: 'B' }, { id: 'C' }],
                   groups: [{ staff: '見本 保子', ids: ['A'] }, { staff: '試田 福男', ids: ['A', 'B'] }, { staff: '担当者の記載なし', ids: ['C'] }] };
  assert.deepEqual(tablesOf(answer).map(([name, rows]) => [name, rows.map(r => r.id)]),
    [['見本 保子', ['A']], ['試田 福男', ['A', 'B']], ['担当者の記載なし', ['C']]]);
});
