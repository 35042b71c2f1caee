// @ts-check
// The Profile panel of a workload's overview: which profile it has (at most one), choose or
// remove it, Upgrade profile version when a newer one is saved, and the prioritised risk counts
// of each applied lens.
import * as api from '../api.js';
import { h, nextId, routeLink } from '../ui/dom.js';
import { sayError } from '../errors.js';
import { prioritizedCounts } from '../ui/prioritized.js';
import { upgradeProfileFlow } from './profile-upgrade.js';

/**
 * @param {import('../app.js').ViewContext} ctx
 * @param {import('../pkg/plumbline.js').Workload} w
 */
export async function profilePanel(ctx, w) {
  const [profiles, priorities] = await Promise.all([api.listProfiles(), api.prioritizedQuestions(w.workloadId)]);
  const link = priorities.profile;
  const latest = link ? profiles.find((p) => p.profileId === link.profileId) : undefined;
  const status = h('p.save-state', { role: 'status' });
  const selectId = nextId('workload-profile');
  const select = h('select', { id: selectId, dataset: { field: 'profile' } },
    h('option', { value: '' }, 'No profile'),
    profiles.map((p) => h('option', { value: p.profileId }, p.profileName)));
  select.value = link && !link.deleted ? link.profileId : '';
  /** @param {() => Promise<unknown>} run @param {string} done */
  const act = async (run, done) => {
    try {
      await run();
      ctx.announce(done);
      ctx.reload();
    } catch (e) {
      status.textContent = sayError(e);
    }
  };
  const apply = h('button', {
    type: 'button', class: 'secondary',
    on: {
      click: () => (select.value
        ? act(() => api.associateProfile(w.workloadId, select.value), 'Profile applied.')
        : act(() => api.disassociateProfile(w.workloadId), 'Profile removed.')),
    },
  }, 'Save profile choice');
  const upgrade = link && latest && !link.deleted && latest.profileVersion !== link.profileVersion
    ? h('div.banner', { role: 'note', dataset: { profileUpgrade: '' } },
      h('p', `This workload uses version ${link.profileVersion} of ${link.profileName}; version ${latest.profileVersion} is saved.`),
      h('button', {
        type: 'button', class: 'primary',
        on: {
          click: () => act(async () => {
            const done = await upgradeProfileFlow({ workloadId: w.workloadId, workloadName: w.workloadName, profileName: link.profileName, from: String(link.profileVersion), to: String(latest.profileVersion) });
            if (!done) throw new Error('Not upgraded: cancelled.');
          }, `The workload now uses version ${latest.profileVersion} of ${link.profileName}.`),
        },
      }, 'Upgrade profile version'))
    : null;
  const counts = await Promise.all(w.lenses.map(async (alias) => {
    const ids = priorities.questions[alias] || [];
    if (!ids.length) return null;
    const answers = await api.listAnswers(w.workloadId, alias);
    return h('div', { dataset: { lens: alias } }, h('h3', alias === 'wellarchitected' ? 'AWS Well-Architected Framework' : alias),
      prioritizedCounts(answers, ids));
  }));
  return h('section.panel', { 'aria-labelledby': 'profile-h', dataset: { workloadProfile: '' } },
    h('h2', { id: 'profile-h' }, 'Profile'),
    link
      ? h('p', link.deleted ? `Profile ${link.profileName} was deleted; the workload keeps the questions it prioritised.` : `Profile: ${link.profileName}, version ${link.profileVersion}.`)
      : h('p.subtle', 'No profile. A profile marks the questions that matter most for this workload as Prioritized.'),
    upgrade,
    h('div.field', h('label', { for: selectId }, 'Profile of this workload'), select),
    apply,
    profiles.length ? null : h('p.hint', 'No profile exists yet. ', routeLink('#/profiles', {}, 'Create one on the Profiles page.')),
    status,
    counts);
}
