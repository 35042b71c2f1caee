#!/usr/bin/env bash
# THE RUN COMMAND: installs what the build needs, builds pkg/, and serves the site on
# http://127.0.0.1:8080/ (pass --port N or set PORT; 0 picks a free port).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install.sh --app
bash scripts/build.sh
printf '\n'
exec node scripts/serve.mjs "$@"
