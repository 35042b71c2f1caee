// Helpers shared by the node:test files of tests/js (not a test file itself: node --test only
// runs *.test.mjs here).
import assert from "node:assert/strict";

/** The promise's rejection (failing if it resolves). */
export const rejection = (promise) => promise.then(() => assert.fail("expected a rejection"), (err) => err);

/** A valid defineWorkload input; `overrides` replace or add fields. */
export const workloadInput = (overrides = {}) => ({
  workloadName: "Payments API",
  description: "Card payments for the web shop",
  environment: "PREPRODUCTION",
  reviewOwner: "Platform team",
  awsRegions: ["eu-west-1"],
  ...overrides,
});
