#!/usr/bin/env bash
# Builds the libFuzzer target (clang, ASan, UBSan) in build-fuzz/ and fuzzes
# nmc's front end for SECONDS (default 120), seeded from test/ and
# examples/. Crashing inputs are written to build-fuzz/crashes/.
# usage: scripts/fuzz.sh [SECONDS [LIBFUZZER-OPTIONS...]]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-120}"
shift $(( $# > 0 ? 1 : 0 ))
"$root/scripts/install-deps.sh"
# libFuzzer and the sanitizer runtimes for clang.
if ! dpkg-query -W -f='${Status}' libclang-rt-22-dev 2>/dev/null |
    grep -q "install ok installed"; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q \
    --no-install-recommends libclang-rt-22-dev
fi
build="$root/build-fuzz"
if [ ! -f "$build/build.ninja" ]; then
  CC=clang-22 CXX=clang++-22 cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release -DNMC_FUZZ=ON
fi
cmake --build "$build" -j "$(nproc)" --target nmc-fuzz
corpus="$build/corpus"
mkdir -p "$corpus" "$build/crashes"
find "$root/test" "$root/examples" -name '*.npy' -exec cp {} "$corpus" \;
# allow_user_poisoning=0: LLVM's BumpPtrAllocator poisons its slabs from the
# instrumented inline code in nmc, while the uninstrumented libMLIR allocates
# from the same slabs without unpoisoning; every report from that mix is false.
# The memory limit is raised because ANTLR's prediction cache, shared by every
# parse in the process, grows with each new input.
ASAN_OPTIONS=detect_leaks=0:allow_user_poisoning=0 "$build/bin/nmc-fuzz" -max_total_time="$seconds" \
  -max_len=4096 -rss_limit_mb=4096 -close_fd_mask=2 -print_final_stats=1 \
  -dict="$root/compiler/tools/nmc-fuzz/nmc.dict" \
  -artifact_prefix="$build/crashes/" "$@" "$corpus"
