#!/usr/bin/env bash
# Installs what is missing, builds, and runs every lit test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
log="$root/build/check.log"
status=0
cmake --build "$root/build" --target check 2>&1 | tee "$log" || status=$?
# One closing line with the counts, whatever lit's own summary says.
passed=$(sed -n 's/^ *Passed: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
failed=$(sed -n 's/^ *Failed: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
