#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest. Starts what it needs (PostgreSQL is
# embedded; Chromium comes from Debian when it is missing).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Lint"
npm run -s lint
step "Typecheck"
npm run -s typecheck
step "Unit and integration tests (vitest, fresh PostgreSQL)"
npm run -s test:unit
step "Production build"
npm run -s build
step "First-load JavaScript of every page within 150 kB gzip (docs/PERFORMANCE.md)"
npx tsx scripts/bench/first-load-js.ts --max 150
step "Fault tests, short form (kill -9 of the server during ingest, PostgreSQL killed; built app)"
npm run -s test:fault
step "Browser tests (Playwright, Chromium, fresh PostgreSQL)"
bash scripts/ensure-chromium.sh
npm run -s test:e2e
step "Single sign-on (Playwright, a real OpenID provider, two portals, fresh PostgreSQL)"
npm run -s test:e2e:oidc
