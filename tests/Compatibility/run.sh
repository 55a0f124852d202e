#!/usr/bin/env bash
# run.sh — the compatibility run: fetches the corpus (fetch-corpus.sh), runs Specgen over every spec
# in it, with the faked-response oracle (oracle/: json-schema-faker and ajv from npm, installed from
# its lock file), and regenerates docs/compatibility.md; then the same over the peer corpus (peer-specs/,
# other generators' test specs) into docs/compatibility-peers.md. Exits non-zero when, in either, fewer
# than 95% of the specs compile, any run ends in an exception, or fewer than 98% of the faked response
# instances are faithful.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-$here/.corpus}
bash "$here/fetch-corpus.sh" "$corpus"
(cd "$here/oracle" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
dotnet build "$here/Specgen.Compatibility.csproj" -c Release -v quiet -nologo >/dev/null
status=0
dotnet run --no-build --project "$here/Specgen.Compatibility.csproj" -c Release -- "$corpus" "$here/../../docs/compatibility.md" || status=1
# The peer corpus: other generators' test specs, kept in the repository (peer-specs/SOURCES.tsv).
dotnet run --no-build --project "$here/Specgen.Compatibility.csproj" -c Release -- "$here/peer-specs" "$here/../../docs/compatibility-peers.md" || status=1
exit $status
