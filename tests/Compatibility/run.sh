#!/usr/bin/env bash
# run.sh — the compatibility run: fetches the corpus (fetch-corpus.sh), runs Specgen over every spec
# in it, with the faked-response oracle (oracle/: json-schema-faker and ajv from npm, installed from
# its lock file), and regenerates docs/compatibility.md. Exits non-zero when fewer than 95% of the specs
# compile, any run ends in an exception, or fewer than 98% of the faked response instances are faithful.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-$here/.corpus}
bash "$here/fetch-corpus.sh" "$corpus"
(cd "$here/oracle" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
dotnet run --project "$here/Specgen.Compatibility.csproj" -c Release -- "$corpus" "$here/../../docs/compatibility.md"
