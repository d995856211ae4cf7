#!/usr/bin/env bash
# Builds nmc, nm-opt, the runtime and every test program with AddressSanitizer
# and UndefinedBehaviorSanitizer in build-sanitize/, then runs the whole lit
# suite there. Leaks are not checked yet (arrays and lists are never freed),
# and the allocator returns null for impossible sizes so that the
# MemoryError path is what runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
build="$root/build-sanitize"
if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
    -DNMC_SANITIZE=ON
fi
cmake --build "$build" -j "$(nproc)"
# allow_user_poisoning=0: see scripts/fuzz.sh (libMLIR is not instrumented).
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1:allow_user_poisoning=0
export UBSAN_OPTIONS=print_stacktrace=1
/usr/lib/llvm-22/bin/lit -sv "$build/test"
