// @ts-check
// The `lens:<alias>@<version>` documents of a workload database: each published custom-lens
// version the workload's reviews and milestones use, copied from the workspace that has the
// lens, so that a colleague who pulls the workload without that lens can still review it
// (./shared-lenses.js installs it on their side).
//
// Body: `{ version, record }`, the two records the engine keeps of a published version, as it
// stores them: `version` its entry in the version index of `customlens/<alias>` (name, number,
// lens name, counts), `record` the document `customlensversion/<alias>/<NNN>` (the lens text).
// A version never changes once published, so neither does its document: it is written once,
// when a review first uses the version (applied or upgraded), or before the first push of a
// workload made before these documents existed.

/** A custom lens alias: 32 lowercase hex characters (shipped lenses have word aliases). */
const CUSTOM = /^[0-9a-f]{32}$/;

/**
 * The document id of a version. The version's name may hold any character but control ones;
 * escaped, it has none of the `:` and `@` that separate the id's parts (the server's rules).
 * @param {string} alias @param {string} version
 */
export const lensDocId = (alias, version) => `lens:${alias}@${encodeURIComponent(version)}`;

/**
 * The custom-lens versions a workload uses, as `alias@version` pairs: those of its current
 * reviews (`lensVersions` of the `workload` document, or `lensSummaries` of the workspace's
 * record) and of its milestones' frozen reviews.
 * @param {any} workload the `workload` document's body or the workspace's record of it
 * @param {any[]} milestones the milestones' bodies
 * @returns {Array<[string, string]>}
 */
export function usedVersions(workload, milestones = []) {
  /** @type {Map<string, [string, string]>} */
  const found = new Map();
  /** @param {any} map @param {boolean} summaries */
  const add = (map, summaries) => {
    for (const [alias, v] of Object.entries(map ?? {})) {
      const version = summaries ? v?.lensVersion : v;
      if (CUSTOM.test(alias) && typeof version === 'string' && version) found.set(lensDocId(alias, version), [alias, version]);
    }
  };
  add(workload?.lensVersions, false);
  add(workload?.lensSummaries, true);
  for (const m of milestones) add(m?.workload?.lensSummaries, true);
  return [...found.values()];
}

/** @param {any} db @param {string} id */
const read = (db, id) => db.get(id).catch((/** @type {any} */ e) => {
  if (e?.status === 404) return null;
  throw e;
});

/**
 * The lens documents a workload database lacks among `versions`, made from the workspace's
 * own records of those versions (the local database `local`). A version the workspace does
 * not have is left out: whoever has it writes it.
 * @param {any} local the workspace's local database @param {any} workloadDb
 * @param {Array<[string, string]>} versions @param {() => object} stamp `updatedAt`/`updatedBy`
 * @returns {Promise<any[]>} new documents, not written yet
 */
export async function missingLensDocs(local, workloadDb, versions, stamp) {
  const docs = [];
  for (const [alias, version] of versions) {
    const _id = lensDocId(alias, version);
    if (await read(workloadDb, _id)) continue;
    const entry = (await read(local, `customlens/${alias}`))?.body?.versions?.find((/** @type {any} */ v) => v?.lensVersion === version);
    if (!entry) continue;
    const record = (await read(local, `customlensversion/${alias}/${String(entry.number).padStart(3, '0')}`))?.body;
    if (record) docs.push({ _id, body: { version: entry, record }, ...stamp() });
  }
  return docs;
}
