#!/usr/bin/env bash
# Installs what `dotnet publish -p:PublishAot=true` needs on Debian/Ubuntu to link a native binary:
# clang (the linker driver NativeAOT calls) and the zlib headers. Safe to run again; it does nothing
# when both are present. Needs root or sudo for apt-get.
set -euo pipefail

missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
if [ ${#missing[@]} -eq 0 ]; then
  echo "NativeAOT toolchain present: $(clang --version | head -n 1), zlib1g-dev"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: ${missing[*]} missing and apt-get is not available; install them with your package manager." >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: installing ${missing[*]} needs root or sudo." >&2; exit 1; }
  sudo=(sudo)
fi

echo "Installing ${missing[*]} for NativeAOT publishing..."
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "NativeAOT toolchain installed: $(clang --version | head -n 1)"
