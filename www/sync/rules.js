// @ts-check
//! The rules a shared workload's database enforces on every write, as the `validate_doc_update`
//! of its design document (installed by sync/design.mjs for the admin script, and by the app
//! when an owner creates a share: one source for both, sent as the function's own text). The server runs it for each document
//! written, replicated writes included, and refuses the write with the reason thrown here; the
//! client shows that reason to the user, so each one says what is allowed instead.
//!
//! Who may do what, as the AWS Well-Architected Tool's share permissions (sync.md, "Roles"):
//! - readers (`<database>-reader`) write nothing;
//! - contributors (`<database>-contributor`) write answers and notes, and their tombstones (a
//!   conflict is resolved by deleting the losing revision);
//! - owners (`<database>-owner`, and server admins) also write the `workload` document, the
//!   milestones and the lens versions the review uses, and may delete them;
//! - milestones and lens versions never change once written; activity entries and comments
//!   are only ever added;
//! - every write, tombstones included, names its author: `updatedBy` is the logged-in user and
//!   `updatedAt` an ISO 8601 UTC time, so the activity of a workload can be read from its
//!   documents.
//! Unknown document ids are refused: a database holds only what the client knows how to read.
//!
//! Plain ES5 and no outside names: CouchDB runs it in its own JavaScript engine (SpiderMonkey or
//! QuickJS), the test server in Node's `vm`. What is installed is `String(validate_doc_update)`,
//! the function alone (the bundle's minifier may shorten its names, never its meaning), so the
//! `export` keyword is the only thing that is not ES5.
// @ts-nocheck -- ES5 for CouchDB's engine; the server's tests check it
export function validate_doc_update(newDoc, oldDoc, userCtx) {
  var database = typeof userCtx.db === "string" ? userCtx.db : "";
  var roles = userCtx.roles || [];
  function hasRole(role) {
    return roles.indexOf(role) !== -1;
  }
  function refuse(reason) {
    throw { forbidden: reason };
  }

  if (database.indexOf("plumbline-wl-") !== 0) {
    refuse("This design document belongs in a Plumbline workload database (plumbline-wl-<workloadId>), not in \"" + database + "\".");
  }
  if (!userCtx.name) {
    throw { unauthorized: "Log in to change this workload." };
  }
  var owner = hasRole("_admin") || hasRole(database + "-owner");
  var contributor = owner || hasRole(database + "-contributor");
  if (!contributor) {
    refuse("You can read this workload but not change it: only its contributors and owners can.");
  }

  var id = newDoc._id;
  // CouchDB itself lets only database admins (the owners) write design documents.
  if (id.indexOf("_design/") === 0) {
    return;
  }

  var kind = null;
  if (id === "workload") {
    kind = "workload";
  } else if (/^answer:[^:]+:[^:]+$/.test(id)) {
    kind = "answer";
  } else if (/^notes:[^:]+(:[^:]+)?$/.test(id)) {
    kind = "notes";
  } else if (/^milestone:[1-9][0-9]*$/.test(id)) {
    kind = "milestone";
  } else if (/^lens:[^:@]+@[^:@]+$/.test(id)) {
    kind = "lens";
  } else if (/^(activity|comment):[0-9a-f]{32}$/.test(id)) {
    kind = "entry";
  }
  if (kind === null) {
    refuse("\"" + id + "\" is not a document of a Plumbline workload (workload, answer:<lens>:<question>, notes:<lens>[:<pillar>], milestone:<number>, lens:<alias>@<version>, activity:<id>, comment:<id>).");
  }

  if (newDoc.updatedBy !== userCtx.name) {
    refuse("updatedBy must be the user who writes (\"" + userCtx.name + "\"); this change says " + JSON.stringify(newDoc.updatedBy === undefined ? null : newDoc.updatedBy) + ".");
  }
  if (typeof newDoc.updatedAt !== "string" || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/.test(newDoc.updatedAt)) {
    refuse("updatedAt must be an ISO 8601 UTC time such as 2026-12-06T15:04:05.000Z.");
  }

  var deleting = newDoc._deleted === true;
  var replacing = oldDoc !== null && oldDoc !== undefined && oldDoc._deleted !== true;
  if (kind === "workload" && !owner) {
    refuse("Only the workload's owners can change its properties and lenses" + (deleting ? " or delete it." : "."));
  }
  if ((kind === "milestone" || kind === "lens") && !owner) {
    refuse("Only the workload's owners can " + (kind === "milestone" ? "save milestones." : "add lens versions to it."));
  }
  if ((kind === "milestone" || kind === "lens") && replacing && !deleting) {
    refuse((kind === "milestone" ? "A milestone" : "A lens version") + " never changes once saved: \"" + id + "\" exists already.");
  }
  if (kind === "entry" && (replacing || deleting)) {
    refuse("Activity entries and comments are only ever added: \"" + id + "\" cannot be changed or deleted.");
  }
}
