#!/usr/bin/env bash
# Every test the project has, in the order a failure is cheapest to find: types, lint, unit, build, browser.
# Browser tests need Chromium at /usr/bin/chromium (Debian's package). Without it they are skipped LOUDLY,
# except under CI (CI=true), where a missing browser is a failure.
set -uo pipefail
cd "$(dirname "$0")/.."

fail=0
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
run() { "$@" || { echo "FAILED: $*"; fail=1; }; }

step "typecheck (svelte-check + tsc)"
run npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings --output machine-verbose --threshold warning | grep -vE '^\S+ (START|COMPLETED)' | tail -40
[ "${PIPESTATUS[0]}" -eq 0 ] || fail=1
step "lint (eslint, incl. the engine layering rule)"
run npx eslint .
step "unit tests (vitest)"
unit_log=$(mktemp)
npx vitest run 2>&1 | tee "$unit_log"
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "FAILED: unit tests"; fail=1; }
step "production build"
run npx vite build --logLevel warn

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
e2e_log=$(mktemp)
if [ -x "$browser" ]; then
  step "browser tests (playwright-core + $browser)"
  npx vitest run -c vitest.e2e.config.ts 2>&1 | tee "$e2e_log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "FAILED: browser tests"; fail=1; }
else
  if [ "${CI:-}" = "true" ]; then
    echo "FAILED: CI must run the browser tests, but $browser does not exist (apt-get install -y chromium)"
    fail=1
  else
    printf '\n\033[1;33m%s\n%s\n%s\033[0m\n' \
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!' \
      "!!  BROWSER TESTS SKIPPED: no Chromium at $browser (apt-get install -y chromium)" \
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!'
  fi
fi

count() { sed -E 's/\x1b\[[0-9;]*m//g' "$1" 2>/dev/null | grep -E '^\s*Tests\s' | tail -1 | grep -oE "[0-9]+ $2" | grep -oE '^[0-9]+' || echo 0; }
passed=$(( $(count "$unit_log" passed) + $(count "$e2e_log" passed) ))
failed=$(( $(count "$unit_log" failed) + $(count "$e2e_log" failed) ))
skipped=$(( $(count "$unit_log" skipped) + $(count "$e2e_log" skipped) ))
echo
if [ "$fail" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$fail"
