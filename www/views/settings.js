// @ts-check
// Settings. Storage: whether the browser keeps this site's data until the user clears it
// (persistent) or may delete it when space runs low, how much of the quota it uses, the
// changes since the last backup, and "Ask for persistent storage" while it is not persistent.
// Below it the Backup section (settings-backup.js): back up and restore the whole workspace.
import { h, nextId } from '../ui/dom.js';
import { formatDate } from '../ui/format.js';
import { isPersisted, requestPersistence, storageEstimate, formatBytes } from '../storage.js';
import { backupState, REMIND_EVERY } from '../backup-reminder.js';
import { backupSection } from './settings-backup.js';

/** @param {StorageEstimate | null} estimate */
function usageText(estimate) {
  if (!estimate) return 'This browser does not report how much space the site uses.';
  const share = estimate.quota ? ((estimate.usage ?? 0) / estimate.quota) * 100 : 0;
  const percent = share > 0 && share < 0.1 ? 'less than 0.1' : share.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `${formatBytes(estimate.usage ?? 0)} of ${formatBytes(estimate.quota ?? 0)} (${percent} %)`;
}

/** @param {boolean} persisted */
function persistenceText(persisted) {
  return persisted
    ? 'Persistent: the browser keeps this data until you clear it yourself.'
    : 'Not persistent: the browser may delete this data without asking when the device runs low on space. Back up your work.';
}

/** @param {import('../app.js').ViewContext} ctx */
async function storageSection(ctx) {
  const [persisted, estimate] = await Promise.all([isPersisted(), storageEstimate()]);
  const backups = backupState();
  const headingId = nextId('storage-h');
  const persistedValue = h('dd', { dataset: { persisted: String(persisted) } }, persistenceText(persisted));
  const usedValue = h('dd', { dataset: { usage: estimate ? String(estimate.usage) : '' } }, usageText(estimate));
  const result = h('p', { role: 'status', dataset: { persistResult: '' } });

  const ask = h('button', { type: 'button', class: 'primary' }, 'Ask for persistent storage');
  ask.addEventListener('click', async () => {
    ask.disabled = true;
    const granted = await requestPersistence();
    persistedValue.dataset.persisted = String(granted);
    persistedValue.textContent = persistenceText(granted);
    result.textContent = granted
      ? 'The browser made the storage persistent.'
      : 'The browser declined for now. Browsers grant it to sites you use often, bookmark or install; you can ask again later.';
    ask.hidden = granted;
    ask.disabled = false;
    ctx.announce(result.textContent);
  });
  ask.hidden = persisted;

  return h('section.panel', { 'aria-labelledby': headingId, dataset: { section: 'storage' } },
    h('h2', { id: headingId }, 'Storage'),
    h('p', 'Your workloads, reviews and lenses are kept in this browser only.'),
    h('dl.props.storage-figures',
      h('div', h('dt', 'Storage'), persistedValue),
      h('div', h('dt', 'Space used'), usedValue),
      h('div', h('dt', 'Changes since the last backup'), h('dd', { dataset: { changes: String(backups.changes) } },
        `${backups.changes.toLocaleString('en-US')} (a reminder comes every ${REMIND_EVERY} changes while storage is not persistent)`)),
      h('div', h('dt', 'Last backup'), h('dd', backups.lastBackup ? formatDate(backups.lastBackup) : 'Never'))),
    h('div.actions', ask),
    result);
}

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  ctx.setTitle('Settings');
  return h('section.page.settings-page',
    h('h1', 'Settings'),
    await storageSection(ctx),
    backupSection(ctx));
}
