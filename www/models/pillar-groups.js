// @ts-check
// The dashboard's pillars grouped by the lens they come from, so a custom lens's pillars are
// not mixed in with the framework's. A pillar id shared by several lenses (the serverless lens
// uses the framework's) belongs to the first lens given. Pure: unit-tested in tests/www/.

/**
 * @template {{pillarId: string}} P
 * @param {P[]} pillars in the engine's order, kept within each group
 * @param {{lensAlias: string, lensName: string, pillarIds: string[]}[]} lenses in precedence order
 * @returns {{lensAlias: string, lensName: string, pillars: P[]}[]} the non-empty groups, in the
 *   lenses' order, then the pillars no lens claims under "Other pillars"
 */
export function groupPillars(pillars, lenses) {
  /** @type {Map<string, string>} */
  const owner = new Map();
  for (const lens of lenses) {
    for (const id of lens.pillarIds) if (!owner.has(id)) owner.set(id, lens.lensAlias);
  }
  const groups = [...lenses, { lensAlias: '', lensName: 'Other pillars', pillarIds: [] }].map((l) => ({
    lensAlias: l.lensAlias,
    lensName: l.lensName,
    pillars: pillars.filter((p) => (owner.get(p.pillarId) ?? '') === l.lensAlias),
  }));
  return groups.filter((g) => g.pillars.length > 0);
}
