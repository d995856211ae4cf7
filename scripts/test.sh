#!/usr/bin/env bash
# Installs what is missing, builds, and runs every lit test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
cmake --build "$root/build" --target check
