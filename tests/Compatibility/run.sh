#!/usr/bin/env bash
# run.sh — the compatibility run: fetches the corpus (fetch-corpus.sh), runs Specgen over every spec
# in it, and regenerates docs/compatibility.md. Exits non-zero when fewer than 95% of the specs
# compile or any run ends in an exception.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-$here/.corpus}
bash "$here/fetch-corpus.sh" "$corpus"
dotnet run --project "$here/Specgen.Compatibility.csproj" -c Release -- "$corpus" "$here/../../docs/compatibility.md"
