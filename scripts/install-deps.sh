#!/usr/bin/env bash
# Installs what escapade needs on Debian 12 (as root, or through sudo).
set -euo pipefail
pkgs=(llvm-19-dev clang-19 llvm-19-tools lld-19 libclang-cpp19-dev libclang-19-dev
      libcriterion-dev cmake ninja-build python3 gnuplot-nox)
run() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  run apt-get update
  DEBIAN_FRONTEND=noninteractive run apt-get install -y "${missing[@]}"
fi
