import { $ } from './core.mjs';

// ---------- 和暦 ----------
// The same era table as YorisoiText.JapaneseEra: each era from its first day (明治 from the
// Gregorian calendar's adoption, 1873-01-01). 元年 for year 1.
const ERAS = [
  { name: '令和', letter: 'R', start: '2019-05-01', base: 2018 },
  { name: '平成', letter: 'H', start: '1989-01-08', base: 1988 },
  { name: '昭和', letter: 'S', start: '1926-12-25', base: 1925 },
  { name: '大正', letter: 'T', start: '1912-07-30', base: 1911 },
  { name: '明治', letter: 'M', start: '1873-01-01', base: 1867 },
];
function pad(n) { return String(n).padStart(2, '0'); }
function validDate(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}
function eraOf(iso) { return ERAS.find(e => iso >= e.start) || null; }
function warekiDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso); if (!m) return '';
  const era = eraOf(iso); if (!era) return '';
  const y = +m[1] - era.base;
  return era.name + (y === 1 ? '元' : y) + '年' + (+m[2]) + '月' + (+m[3]) + '日';
}
function warekiMonth(ym) {
  const m = /^(\d{4})-(\d{2})$/.exec(ym); if (!m) return '';
  // The era in force on the month's first day (2019-05 → 令和元年5月, 2019-04 → 平成31年4月).
  const era = eraOf(ym + '-01'); if (!era) return '';
  const y = +m[1] - era.base;
  return era.name + (y === 1 ? '元' : y) + '年' + (+m[2]) + '月';
}
function toHalfWidth(s) {
  return s.replace(/[０-９]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/[／．－]/g, c => ({ '／': '/', '．': '.', '－': '-' })[c]).trim();
}
// Reads what staff type: 2025-04-01, 2025/4/1, 令和7年4月1日, 令和元年5月1日, R7.4.1 (and the
// same without the day for a year-month). Returns {iso} or null when it cannot be read.
function parseDateText(text, allowDay, allowMonth) {
  const t = toHalfWidth(text);
  let y, mo, d, m;
  if ((m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(t)) ||
      (m = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?頃?$/.exec(t))) {
    y = +m[1]; mo = +m[2]; d = m[3] ? +m[3] : null;
  } else if ((m = /^(令和|平成|昭和|大正|明治)(元|\d{1,2})年(\d{1,2})月(?:(\d{1,2})日)?頃?$/.exec(t)) ||
             (m = /^([RHSTMrhstm])(元|\d{1,2})[./](\d{1,2})(?:[./](\d{1,2}))?$/.exec(t))) {
    const era = ERAS.find(e => e.name === m[1] || e.letter === m[1].toUpperCase());
    y = era.base + (m[2] === '元' ? 1 : +m[2]); mo = +m[3]; d = m[4] ? +m[4] : null;
    const probe = y + '-' + pad(mo) + '-' + pad(d || 1);
    if (eraOf(probe) !== era && !(d === null && eraOf(y + '-' + pad(mo) + '-' + new Date(Date.UTC(y, mo, 0)).getUTCDate()) === era)) return null;
  } else return null;
  if (d === null) {
    if (!allowMonth || mo < 1 || mo > 12) return null;
    return { iso: y + '-' + pad(mo) };
  }
  if (!allowDay || !validDate(y, mo, d)) return null;
  return { iso: y + '-' + pad(mo) + '-' + pad(d) };
}
function wareki(value) {
  if (typeof value !== 'string') return '';
  return value.length === 10 ? warekiDate(value) : warekiMonth(value);
}
const DATE_EXAMPLE = { 'date': '令和7年4月1日（2025-04-01）', 'month': '令和7年4月（2025-04）', 'date-or-month': '令和7年4月1日 または 令和7年4月' };

export { ERAS, pad, validDate, eraOf, warekiDate, warekiMonth, toHalfWidth, parseDateText, wareki, DATE_EXAMPLE };
