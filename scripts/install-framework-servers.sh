#!/usr/bin/env bash
# Installs what the framework echo servers under tests/Frameworks need (see tests/Frameworks/README.md):
#   - FastAPI: Debian's python3-fastapi, python3-uvicorn and python3-multipart (run with /usr/bin/python3);
#   - NestJS: `npm ci` from the committed package-lock.json, then `npm run build` (tsc) into dist/.
# Safe to run again: each step does nothing when its result is already there and up to date.
# Needs root or sudo for apt-get, and Node.js >= 20 with npm on PATH.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nest_dir="$repo_root/tests/Frameworks/nestjs"

# --- FastAPI (Debian packages) --------------------------------------------------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for pkg in python3-fastapi python3-uvicorn python3-multipart; do
  installed "$pkg" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  source "$repo_root/scripts/apt-install.sh"
  apt_install "the FastAPI echo server" "${missing[@]}"
fi
echo "FastAPI present: $(/usr/bin/python3 -c 'import fastapi, pydantic, uvicorn; print("fastapi", fastapi.__version__, "pydantic", pydantic.VERSION, "uvicorn", uvicorn.__version__)')"

# --- NestJS (npm) ---------------------------------------------------------------------------------
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "error: node and npm are needed for the NestJS echo server (Node.js >= 20)." >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "error: NestJS 12 needs Node.js >= 20; found $(node --version)." >&2
  exit 1
fi

cd "$nest_dir"
# npm ci leaves node_modules/.package-lock.json behind; when it is newer than the lock file, the
# install matches the lock file. --ignore-scripts: no dependency here needs an install script, and
# the one that has one (swagger-ui-dist's @scarf/scarf) only sends analytics.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the NestJS echo server's packages (npm ci)..."
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  rm -f dist/main.js # rebuild with the freshly installed compiler and types
fi

# Rebuild when any source or the compiler settings changed since the last build.
if [ ! -f dist/main.js ] || [ -n "$(find src tsconfig.json package-lock.json -newer dist/main.js -print -quit)" ]; then
  echo "Building the NestJS echo server (tsc)..."
  npm run --silent build
  touch dist/main.js # tsc leaves unchanged outputs alone; mark this build as the newest
fi
echo "NestJS present: @nestjs/core $(node -p 'require("./node_modules/@nestjs/core/package.json").version'), @nestjs/swagger $(node -p 'require("./node_modules/@nestjs/swagger/package.json").version'), node $(node --version)"
