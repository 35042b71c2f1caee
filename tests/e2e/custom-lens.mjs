// A small custom lens for the workbench tests, built here so each test can change one thing:
// one pillar, a "deploy" question with three rules (NO_RISK, MEDIUM_RISK, default HIGH_RISK)
// and a "None of these" choice, and a "monitor" question.
export function customLens({ title = 'How do you deploy changes?', helpfulUrl = 'https://example.com/deploy' } = {}) {
  const choice = (id, choiceTitle) => ({
    id,
    title: choiceTitle,
    helpfulResource: { displayText: `About ${choiceTitle}`, url: `https://example.com/${id}` },
    improvementPlan: { displayText: `Adopt ${choiceTitle}`, url: `https://example.com/${id}/plan` },
  });
  return {
    schemaVersion: '2021-11-01',
    name: 'Workbench Test Lens',
    description: 'A lens written in the workbench tests.',
    pillars: [{
      id: 'ops',
      name: 'Operations',
      questions: [
        {
          id: 'deploy',
          title,
          description: 'How changes reach production.',
          helpfulResource: { displayText: 'Deployment guide', url: helpfulUrl },
          choices: [
            choice('deploy_ci', 'CI pipeline'),
            choice('deploy_rollback', 'Automated rollback'),
            { id: 'deploy_no', title: 'None of these', helpfulResource: { displayText: 'Nothing in place' } },
          ],
          riskRules: [
            { condition: 'deploy_ci && deploy_rollback', risk: 'NO_RISK' },
            { condition: 'deploy_ci', risk: 'MEDIUM_RISK' },
            { condition: 'default', risk: 'HIGH_RISK' },
          ],
        },
        {
          id: 'monitor',
          title: 'How do you monitor the workload?',
          description: 'Signals and alarms.',
          choices: [
            choice('monitor_metrics', 'Metrics and alarms'),
            { id: 'monitor_no', title: 'None of these', helpfulResource: { displayText: 'Nothing in place' } },
          ],
          riskRules: [
            { condition: 'monitor_metrics', risk: 'NO_RISK' },
            { condition: 'default', risk: 'MEDIUM_RISK' },
          ],
        },
      ],
    }],
  };
}
