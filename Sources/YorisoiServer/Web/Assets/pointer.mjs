import { $, S } from './core.mjs';

// ---------- JSON pointers ----------
function ptrParts(p) { return p === '' ? [] : p.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~')); }
function ptrGet(obj, p) {
  let cur = obj;
  for (const k of ptrParts(p)) { if (cur === null || typeof cur !== 'object') return undefined; cur = cur[k]; }
  return cur;
}
function ptrSet(obj, p, value) {
  const parts = ptrParts(p);
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i];
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    cur = cur[k];
  }
  const last = parts[parts.length - 1];
  if (value === undefined) { if (Array.isArray(cur)) cur[last] = {}; else delete cur[last]; }
  else cur[last] = value;
}
function fieldId(p) { return 'f' + p.replace(/[^A-Za-z0-9_]/g, c => c === '/' ? '-' : '_' + c.charCodeAt(0).toString(16)); }
// Empty objects (not array rows) are dropped so an untouched section is absent, not {}.
function pruned(v) {
  if (Array.isArray(v)) return v.map(x => (x && typeof x === 'object') ? (pruned(x) ?? {}) : x);
  if (v && typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      const p = (x && typeof x === 'object') ? pruned(x) : x;
      if (p === undefined || p === '') continue;
      out[k] = p;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}
function caseBody() { return pruned(S.data) || {}; }

export { ptrParts, ptrGet, ptrSet, fieldId, pruned, caseBody };
