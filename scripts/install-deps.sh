#!/usr/bin/env bash
# Installs the Debian 12 packages nmc needs (design brief, section 8) when any is
# missing. Idempotent and non-interactive: a machine that has them all is left
# untouched and no package index is fetched.
set -euo pipefail

packages=(
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22 lld-22
  libopenmpi-dev openmpi-bin libantlr4-runtime-dev antlr4
  python3-numpy python3-numba python3-mpi4py
  cmake ninja-build g++ pkg-config
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
