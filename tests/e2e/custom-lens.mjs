// The test lens shared with the Rust and JS tests (tests/fixtures/test-lens.json), a fresh copy
// per call so each test can change one thing: an "ops" pillar with a "deploy" question (three
// rules: NO_RISK, MEDIUM_RISK, default HIGH_RISK; a "None of these" choice) and a "monitor"
// question, and a "sec" pillar with an "access" question.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './support.mjs';

const TEXT = fs.readFileSync(path.join(ROOT, 'tests/fixtures/test-lens.json'), 'utf8');

export function customLens({ title = 'How do you deploy changes?', helpfulUrl = 'https://example.com/deploy' } = {}) {
  const lens = JSON.parse(TEXT);
  const deploy = lens.pillars[0].questions[0];
  deploy.title = title;
  deploy.helpfulResource.url = helpfulUrl;
  return lens;
}
