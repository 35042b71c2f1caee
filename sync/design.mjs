// The design document of a shared workload's database (`_design/plumbline`), shared with the
// app: www/sync/design.js builds it from the rules in www/sync/rules.js, which the app's Create
// share installs too. Re-exported here for the admin script and the tests.
export { DESIGN_ID, RULES_VERSION, designDocument, designOutdated } from "../www/sync/design.js";
