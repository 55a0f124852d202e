#!/usr/bin/env bash
# Server to client in one build (issue 30), measured: the edit loop of samples/Inventory.Worker, whose
# <OpenApiSpec> names samples/Inventory.Api, against the same worker with the document as a plain spec file
# (what a project without the project item has, after someone regenerated the document by hand).
#
#   bash tests/Benchmarks/server-to-client/run.sh
#
# Each case is built SPECGEN_S2C_RUNS times (3); the table has the median, whether the service's document
# step ran (GenerateOpenApiDocuments ran dotnet-getdocument) and whether the worker was compiled (its
# obj/…/Inventory.Worker.dll changed). The edits are made to the samples in place and undone on exit.
# The builds run one at a time, with the compiler server on, on the machine as it is.
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
runs="${SPECGEN_S2C_RUNS:-3}"
api="$root/samples/Inventory.Api"
worker="$root/samples/Inventory.Worker"
dll="$worker/obj/Release/net10.0/Inventory.Worker.dll"
work="$(mktemp -d)"
cp "$api/Program.cs" "$work/api.cs"; cp "$worker/Program.cs" "$work/worker.cs"; cp "$worker/Inventory.Worker.csproj" "$work/worker.csproj"
restore() { cp "$work/api.cs" "$api/Program.cs"; cp "$work/worker.cs" "$worker/Program.cs"; cp "$work/worker.csproj" "$worker/Inventory.Worker.csproj"; rm -rf "$work" "$worker/spec-copy"; }
trap restore EXIT

build() { dotnet build "$worker" -c Release -nologo -v:n > "$work/log" 2>&1 || { cat "$work/log"; exit 1; }; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# measure NAME EDIT: runs EDIT then a build, RUNS times; prints a table row.
measure() {
  local name="$1" edit="$2" times=() step=no compiled=no
  for _ in $(seq "$runs"); do
    eval "$edit"
    local before; before=$(stat -c %Y.%y "$dll" 2>/dev/null || echo none)
    local start; start=$(date +%s.%N)
    build
    local end; end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
    grep -q "dotnet-getdocument.dll" "$work/log" && step=yes
    [ "$(stat -c %Y.%y "$dll")" != "$before" ] && compiled=yes
  done
  local t; t=$(printf '%s\n' "${times[@]}" | median)
  printf '| %s | %.2f s | %s | %s |\n' "$name" "$t" "$step" "$compiled"
  echo "$t" > "$work/t-$(echo "$name" | tr -c 'a-z' '-')"
}

echo "warming up (restore, the compiler server, both projects built once)" >&2
build; build
n=0
echo "| case | median build | document step ran | worker compiled |"
echo "|---|---:|---|---|"
measure "no edit" ":"
measure "worker edited" 'n=$((n+1)); echo "// edit $n" >> "$worker/Program.cs"'
measure "service edited, document unchanged" 'n=$((n+1)); echo "// edit $n" >> "$api/Program.cs"'
measure "service edited, document changed" 'n=$((n+1)); sed -i "s/Reads one item[^\"]*\"/Reads one item (edit $n).\"/" "$api/Program.cs"'

# The same worker with the document as a plain spec file: no project item, no service build.
mkdir -p "$worker/spec-copy"
cp "$api/obj/Inventory.Api.json" "$worker/spec-copy/inventory.json"
sed -i 's|<OpenApiSpec Include="../Inventory.Api/Inventory.Api.csproj"|<OpenApiSpec Include="spec-copy/inventory.json"|' "$worker/Inventory.Worker.csproj"
build
measure "no edit (document as a spec file)" ":"
measure "worker edited (document as a spec file)" 'n=$((n+1)); echo "// edit $n" >> "$worker/Program.cs"'
