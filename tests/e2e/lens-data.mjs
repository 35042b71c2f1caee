// The shipped framework lens, read by the tests to know question order and choice ids.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './support.mjs';

export const framework = JSON.parse(fs.readFileSync(path.join(ROOT, 'lenses/wellarchitected.json'), 'utf8'));
export const questions = framework.pillars.flatMap((p) => p.questions.map((q) => ({ pillarId: p.id, pillarName: p.name, ...q })));
export const question = (id) => questions.find((q) => q.id === id);
export const bestPractices = (id) => question(id).choices.filter((c) => !c.id.endsWith('_no')).map((c) => c.id);
export const noneOfThese = (id) => question(id).choices.find((c) => c.id.endsWith('_no'))?.id;
