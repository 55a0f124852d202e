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

source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install "NativeAOT publishing" "${missing[@]}"
echo "NativeAOT toolchain installed: $(clang --version | head -n 1)"
