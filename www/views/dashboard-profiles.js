// @ts-check
// The dashboard's "Prioritized by profile" panel: for each workload with a profile, the high
// and medium risks among the questions its profile prioritises, beside the normal counts the
// dashboard shows. Read per workload (its profile, its answers), so only workloads with a
// profile cost anything.
import * as api from '../api.js';
import { h, routeLink } from '../ui/dom.js';
import { scrollTable } from '../ui/table.js';

/** @param {{workloadId: string, workloadName: string}[]} workloads */
export async function prioritizedPanel(workloads) {
  const rows = (await Promise.all(workloads.map(async ({ workloadId, workloadName }) => {
    const p = await api.prioritizedQuestions(workloadId);
    if (!p.profile) return null;
    let high = 0;
    let medium = 0;
    let total = 0;
    for (const [alias, ids] of Object.entries(p.questions)) {
      if (!ids.length) continue;
      total += ids.length;
      for (const a of await api.listAnswers(workloadId, alias)) {
        if (!ids.includes(a.questionId)) continue;
        if (a.risk === 'HIGH') high += 1;
        if (a.risk === 'MEDIUM') medium += 1;
      }
    }
    return h('tr', { dataset: { workloadId } },
      h('th', { scope: 'row' }, routeLink(`#/workloads/${workloadId}`, {}, workloadName)),
      h('td', p.profile.profileName + (p.profile.deleted ? ' (deleted)' : '')),
      h('td.num', { dataset: { prioritized: 'high' } }, String(high)),
      h('td.num', { dataset: { prioritized: 'medium' } }, String(medium)),
      h('td.num', String(total)));
  }))).filter((r) => r !== null);
  if (!rows.length) return null;
  return h('section.panel', { 'aria-labelledby': 'dash-prio', dataset: { dashboardPrioritized: '' } },
    h('h2', { id: 'dash-prio' }, 'Prioritized by profile'),
    h('p.hint', 'High and medium risks among the questions each workload\'s profile prioritises.'),
    scrollTable('Prioritized risks per workload', h('table.data',
      h('thead', h('tr', ...['Workload', 'Profile', 'Prioritized high risks', 'Prioritized medium risks', 'Prioritized questions'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', rows))));
}
