// The server admin's command line for team sync (README, "Team sync"): on Apache CouchDB 3 or
// the test server (scripts/couch-server.mjs), creates users, a shared workload's database with
// its roles and write rules, and grants or revokes a user's role on it.
//
//   node scripts/couch-admin.mjs user NAME                    password: first line of stdin
//   node scripts/couch-admin.mjs workload WORKLOAD_ID         database, _security, design doc
//   node scripts/couch-admin.mjs grant USER WORKLOAD_ID reader|contributor|owner
//   node scripts/couch-admin.mjs revoke USER WORKLOAD_ID
//   node scripts/couch-admin.mjs delete WORKLOAD_ID           the share ends for everyone
//
// The server is `--server URL` or PLUMBLINE_COUCH_URL; the admin is PLUMBLINE_COUCH_ADMIN
// (name:password). Passwords never appear on the command line (other users of the machine
// can read it) nor in what this prints. Exit status: 0 done, 1 refused by the server, 2 usage.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { AdminInputError, CouchAdmin, CouchError } from "../sync/admin.mjs";
import { adminFrom } from "./couch-server.mjs";

const USAGE = `usage: node scripts/couch-admin.mjs [--server URL] COMMAND
  user NAME                                  (the password is read from stdin)
  workload WORKLOAD_ID
  grant USER WORKLOAD_ID reader|contributor|owner
  revoke USER WORKLOAD_ID
  delete WORKLOAD_ID`;

/** The first line of stdin, without its line break. */
async function firstLineOfStdin() {
  let text = "";
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0];
}

/**
 * Runs one command; resolves to the line to print.
 * @param {CouchAdmin} admin @param {string[]} args
 */
export async function run(admin, args) {
  const [command, ...rest] = args;
  const want = (n) => {
    if (rest.length !== n) throw new AdminInputError(command ?? "command", `expected ${n} argument(s)\n${USAGE}`);
  };
  switch (command) {
    case "user":
      want(1);
      await admin.putUser(rest[0], await firstLineOfStdin());
      return `user ${rest[0]}: ready`;
    case "workload":
      want(1);
      return `${(await admin.putWorkloadDatabase(rest[0])).database}: database, _security and design document ready`;
    case "grant":
      want(3);
      await admin.grant(rest[0], rest[1], /** @type {any} */ (rest[2]));
      return `${rest[0]}: ${rest[2]} of workload ${rest[1]}`;
    case "revoke":
      want(2);
      await admin.revoke(rest[0], rest[1]);
      return `${rest[0]}: no role on workload ${rest[1]}`;
    case "delete":
      want(1);
      await admin.deleteWorkloadDatabase(rest[0]);
      return `workload ${rest[0]}: database deleted`;
    default:
      throw new AdminInputError("command", `unknown command ${JSON.stringify(command ?? "")}\n${USAGE}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let args = process.argv.slice(2);
  let url = process.env.PLUMBLINE_COUCH_URL;
  if (args[0] === "--server") {
    url = args[1];
    args = args.slice(2);
  }
  try {
    if (!url) throw new AdminInputError("server", `give --server URL or set PLUMBLINE_COUCH_URL\n${USAGE}`);
    if (!process.env.PLUMBLINE_COUCH_ADMIN) throw new AdminInputError("PLUMBLINE_COUCH_ADMIN", "set it to the server admin's name:password");
    const { name, password } = adminFrom(process.env.PLUMBLINE_COUCH_ADMIN);
    console.log(await run(new CouchAdmin({ url, name, password }), args));
  } catch (e) {
    if (e instanceof CouchError) {
      console.error(`couch-admin: the server refused: ${e.message}`);
      process.exit(1);
    }
    console.error(`couch-admin: ${e instanceof AdminInputError || e?.name === "ServerSetupError" ? e.message : e.stack}`);
    process.exit(2);
  }
}
