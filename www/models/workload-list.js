// @ts-check
// The Workloads list's search, filters and sort, and their place in the address
// (`#/workloads?q=…&risk=…&status=…&sort=…&dir=…`), so a reload or Back shows the same list.
// Pure: no DOM, unit-tested in tests/www/.

/** @typedef {import('../pkg/plumbline.js').WorkloadSummary} WorkloadSummary */
/** @typedef {'name' | 'answered' | 'high' | 'medium' | 'status' | 'updated'} SortKey */
/** @typedef {'' | 'high' | 'medium' | 'none'} RiskFilter */
/** @typedef {{q: string, risk: RiskFilter, status: string, sort: SortKey, dir: 'asc' | 'desc'}} ListState */

/** The list as it first opens: everything, the latest change first. @type {ListState} */
export const DEFAULT_STATE = { q: '', risk: '', status: '', sort: 'updated', dir: 'desc' };

/** The sortable columns, in table order, with the direction a first click sorts in. */
/** @type {{key: SortKey, label: string, first: 'asc' | 'desc'}[]} */
export const SORT_COLUMNS = [
  { key: 'name', label: 'Name', first: 'asc' },
  { key: 'answered', label: 'Questions answered', first: 'desc' },
  { key: 'high', label: 'High risks', first: 'desc' },
  { key: 'medium', label: 'Medium risks', first: 'desc' },
  { key: 'status', label: 'Improvement status', first: 'asc' },
  { key: 'updated', label: 'Last updated', first: 'desc' },
];

/** The risk filter's choices. @type {[RiskFilter, string][]} */
export const RISK_FILTERS = [
  ['', 'Any risk'],
  ['high', 'Has high risks'],
  ['medium', 'Has medium risks'],
  ['none', 'No high or medium risks'],
];

/**
 * The state an address asks for; anything unknown falls back to the default, so a hand-edited
 * or outdated address still opens the list.
 * @param {URLSearchParams} query
 * @param {string[]} statuses the improvement statuses that exist
 * @returns {ListState}
 */
export function readState(query, statuses) {
  const sort = SORT_COLUMNS.find((c) => c.key === query.get('sort'))?.key ?? DEFAULT_STATE.sort;
  const dir = query.get('dir');
  const risk = RISK_FILTERS.find(([v]) => v && v === query.get('risk'))?.[0] ?? '';
  const status = query.get('status') ?? '';
  return {
    q: (query.get('q') ?? '').slice(0, 200),
    risk,
    status: statuses.includes(status) ? status : '',
    sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : (sort === DEFAULT_STATE.sort ? DEFAULT_STATE.dir : firstDir(sort)),
  };
}

/** @param {SortKey} key */
function firstDir(key) {
  return SORT_COLUMNS.find((c) => c.key === key)?.first ?? 'asc';
}

/**
 * The address of `state`: only what differs from the default, so the plain list stays
 * `#/workloads`.
 * @param {ListState} state
 */
export function stateRoute(state) {
  const query = new URLSearchParams();
  if (state.q) query.set('q', state.q);
  if (state.risk) query.set('risk', state.risk);
  if (state.status) query.set('status', state.status);
  if (state.sort !== DEFAULT_STATE.sort || state.dir !== DEFAULT_STATE.dir) {
    query.set('sort', state.sort);
    query.set('dir', state.dir);
  }
  const text = query.toString();
  return text ? `#/workloads?${text}` : '#/workloads';
}

/**
 * The state after a click on column `key`: the same column turns around, another one starts
 * in its natural direction (names A→Z, counts and dates largest first).
 * @param {ListState} state @param {SortKey} key
 * @returns {ListState}
 */
export function sortedBy(state, key) {
  if (state.sort === key) return { ...state, dir: state.dir === 'asc' ? 'desc' : 'asc' };
  return { ...state, sort: key, dir: firstDir(key) };
}

/**
 * Whether `w` matches the search words: each word must be found, ignoring case, in the name,
 * the review owner, or a tag's key or value.
 * @param {WorkloadSummary} w @param {string} q
 */
export function matchesSearch(w, q) {
  const words = q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const tags = Object.entries(w.tags ?? {}).flat();
  const haystack = [w.workloadName, w.reviewOwner, ...tags].map((s) => String(s).toLocaleLowerCase());
  return words.every((word) => haystack.some((s) => s.includes(word)));
}

/** @param {WorkloadSummary} w @param {RiskFilter} risk */
function matchesRisk(w, risk) {
  const c = w.riskCounts;
  if (risk === 'high') return c.HIGH > 0;
  if (risk === 'medium') return c.MEDIUM > 0;
  if (risk === 'none') return c.HIGH === 0 && c.MEDIUM === 0;
  return true;
}

/**
 * The value a column sorts by.
 * @param {WorkloadSummary} w @param {SortKey} key @param {(status: string) => string} statusLabel
 * @returns {string | number}
 */
function sortValue(w, key, statusLabel) {
  switch (key) {
    case 'name': return w.workloadName;
    case 'answered': return w.questionCount ? w.questionsAnswered / w.questionCount : 0;
    case 'high': return w.riskCounts.HIGH;
    case 'medium': return w.riskCounts.MEDIUM;
    case 'status': return statusLabel(w.improvementStatus || 'NOT_APPLICABLE');
    default: return String(w.updatedAt);
  }
}

/** @type {Intl.Collator | undefined} */
let collator;
/**
 * Compares two texts as people read them (case and accents aside, numbers by value). The
 * collator is made on first use, as ui/format.js's date format is: the page's first Intl object
 * loads the locale data, which a first visit's empty list does not need.
 * @param {string} a @param {string} b
 */
function compareText(a, b) {
  collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}

/**
 * The workloads `state` shows, in its order; ties keep the name order, so the list never
 * shuffles between two equal rows.
 * @param {WorkloadSummary[]} workloads
 * @param {ListState} state
 * @param {(status: string) => string} statusLabel the words a status is shown (and sorted) by
 */
export function visibleWorkloads(workloads, state, statusLabel) {
  const sign = state.dir === 'asc' ? 1 : -1;
  /** @param {string | number} a @param {string | number} b */
  const cmp = (a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : compareText(String(a), String(b)));
  return workloads
    .filter((w) => matchesSearch(w, state.q) && matchesRisk(w, state.risk)
      && (!state.status || (w.improvementStatus || 'NOT_APPLICABLE') === state.status))
    .sort((a, b) => sign * cmp(sortValue(a, state.sort, statusLabel), sortValue(b, state.sort, statusLabel))
      || compareText(a.workloadName, b.workloadName));
}
