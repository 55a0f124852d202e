#!/usr/bin/env bash
# The user's build loop, measured as a user has it, against NSwag on the same spec in the same run.
#
#   bash tests/Benchmarks/loop/run.sh
#
# For each spec (the bundled slice, Vercel's whole API, GitHub's REST API):
#   - Specgen: a fresh project that adds the `Specgen` package (packed from this checkout into a local
#     feed) and declares the spec as its one <OpenApiSpec>;
#   - NSwag: the same project without Specgen, whose client NSwag's CLI (npm, pinned in package.json)
#     writes from the spec before each build, as a user's pre-build step does.
# Both are built to warm up (restore, the compiler server, NSwag's first run, then a spec edit and a C# edit that
# are not timed), then measured:
#   - "spec edited → compiled": the first operation's summary changes (edit-spec.mjs), then NSwag's CLI runs
#     (NSwag only) and `dotnet build` runs; the time is the whole of it;
#   - "C# edited → compiled": a line is added to Program.cs, then `dotnet build`;
#   - the same for the layout the README recommends for a big client: the spec in a class library of its
#     own that the app references (Specgen only), each build right after an empty project's and an empty
#     app's that references an empty library (the cost of any project reference), the ratios of the medians; and the library's spec edited → compiled, with the SDK's analyzers on (as by
#     default) and off (RunAnalyzers=false), alternately;
#   - the generated size: files, lines and bytes of the generated C#.
# The compiler server is on, as the .NET SDK has it by default (SPECGEN_LOOP_SHARED=0 turns it off).
# Each time is the median of SPECGEN_LOOP_RUNS runs (3). SPECGEN_LOOP_SPECS picks specs by name
# ("bundled vercel github"; also "github-current", GitHub's current 13 MB description, fetched by
# tests/Compatibility/fetch-corpus.sh; "github-current-10", the same with ten operations kept by the item's
# filter and NSwag's /IncludedOperationIds; and "stripe", peer-specs/big/stripe-spec3.json). SPECGEN_LOOP_NSWAG=0
# measures Specgen alone. The size build also reports the generator's own time (the compiler's
# ReportAnalyzer). Vercel's and GitHub's specs get the hand fixes NSwag needs to compile
# (fix-for-nswag.mjs), for NSwag's copy only. The builds run one at a time, on the machine as it is (no other build running).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
shared="$(cd "$root/../shared" && pwd)"
runs="${SPECGEN_LOOP_RUNS:-3}"
with_nswag="${SPECGEN_LOOP_NSWAG:-1}"
specs="${SPECGEN_LOOP_SPECS:-bundled vercel github}"
work="$(mktemp -d /tmp/specgen-loop.XXXXXX)"
version="0.0.0-loop.$(date +%Y%m%d%H%M%S)"
results="$work/results.tsv"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# As a user has it: the .NET SDK's compiler server (VBCSCompiler) on, so the compiler is warm after the
# warm-up build. This machine's environment turns it off (UseSharedCompilation=false), which makes every
# build a cold compiler process; SPECGEN_LOOP_SHARED=0 measures that way instead.
if [ "${SPECGEN_LOOP_SHARED:-1}" = 1 ]; then
  unset UseSharedCompilation
  shared_compilation="on (the SDK's default)"
else
  export UseSharedCompilation=false
  shared_compilation="off (a cold compiler process per build)"
fi

spec_path() {
  case "$1" in
    bundled) echo "$root/spec/vercel-integration-stores.yaml" ;;
    vercel) echo "$shared/specs/vercel-openapi-2025-10-27.json" ;;
    github) echo "$shared/peer-specs/big/github-api.github.com.json" ;;
    github-current|github-current-10)
      [ -f "$root/tests/Compatibility/.corpus/giants/github-api.github.com-23.0.2.json" ] || bash "$root/tests/Compatibility/fetch-corpus.sh" >/dev/null
      echo "$root/tests/Compatibility/.corpus/giants/github-api.github.com-23.0.2.json" ;;
    stripe) echo "$root/tests/Compatibility/peer-specs/big/stripe-spec3.json" ;;
    *) echo "unknown spec $1" >&2; exit 2 ;;
  esac
}

# github-current-10: GitHub's current API with ten operations kept, by the item's filter (Specgen) and
# /IncludedOperationIds (NSwag): what a project that calls a handful of a big API's operations builds.
ten_operations="repos/get,repos/list-for-org,repos/list-for-authenticated-user,issues/list-for-repo,issues/get,issues/create,pulls/list,pulls/get,users/get-authenticated,search/repos"
spec_item() {
  case "$1" in
    github-current-10) echo " IncludeOperations=\"$ten_operations\"" ;;
    *) echo "" ;;
  esac
}
nswag_filter() {
  case "$1" in
    github-current-10) echo "/IncludedOperationIds:$ten_operations" ;;
    *) echo "" ;;
  esac
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

build() {
  # build DIR [MSBUILD-ARGS...]: one build; its output is shown only when it fails.
  if ! dotnet build "$1" --no-restore -nologo -v:q -clp:ErrorsOnly "${@:2}" >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    echo "build of $1 failed" >&2
    exit 1
  fi
}

project() {
  # project DIR EXTRA-ITEMS: a console project with the loop's Program.cs.
  mkdir -p "$1"
  cat >"$1/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="specgen-loop" value="$work/feed" />
  </packageSources>
</configuration>
EOF
  cat >"$1/Loop.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NoWarn>\$(NoWarn);CS1591;CS8618;CS8600;CS8601;CS8602;CS8603;CS8604;CS8625;CS0108;CS0114;CS0472;CS0612;CS0618;CS1573</NoWarn>
  </PropertyGroup>
  <ItemGroup>
$2
  </ItemGroup>
</Project>
EOF
  printf 'Console.WriteLine("loop");\n' >"$1/Program.cs"
}

library() {
  # library DIR EXTRA-ITEMS: a class library (the recommended home of a big client).
  mkdir -p "$1"
  cp "$work/empty/nuget.config" "$1/nuget.config"
  cat >"$1/Client.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
$2
  </ItemGroup>
</Project>
EOF
}

cs_edit_times() {
  # cs_edit_times DIR: restores DIR and builds it once, then the times of RUNS builds, each after a line is added to Program.cs.
  dotnet restore "$1" -nologo -v:q >/dev/null
  build "$1"
  local times=""
  for i in $(seq 1 "$runs"); do
    echo "Console.WriteLine($i);" >>"$1/Program.cs"
    t0=$(now); build "$1"; t1=$(now)
    times="$times $(elapsed "$t0" "$t1")"
  done
  echo "$times"
}

size_of() {
  # size_of DIR: "files lines bytes" of the C# files under DIR.
  local files lines bytes
  files=$(find "$1" -name '*.cs' | wc -l)
  lines=$(find "$1" -name '*.cs' -print0 | xargs -0 cat | wc -l)
  bytes=$(find "$1" -name '*.cs' -print0 | xargs -0 cat | wc -c)
  echo "$files $lines $bytes"
}

echo "work directory: $work"
echo "== NSwag's CLI (npm ci in tests/Benchmarks/loop)"
(cd "$here" && npm ci --silent --no-audit --no-fund)
nswag() { node "$here/node_modules/nswag/bin/nswag.js" openapi2csclient /runtime:Net100 "/input:$1" "/output:$2" \
  /namespace:Loop.Api /className:LoopClient /jsonLibrary:SystemTextJson /generateClientInterfaces:false ${3:+"$3"} >"$work/nswag.log" 2>&1 \
  || { cat "$work/nswag.log" >&2; exit 1; }; }

echo "== packing Specgen $version"
dotnet pack "$root/generator/Specgen.Generator.csproj" -c Release -o "$work/feed" -p:Version="$version" -nologo -v:q >/dev/null
dotnet pack "$root/runtime/Specgen.Runtime.csproj" -c Release -o "$work/feed" -p:Version="$version" -nologo -v:q >/dev/null
forget() { dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/specgen/$version" "${NUGET_PACKAGES:-$HOME/.nuget/packages}/specgen.runtime/$version"; }
trap forget EXIT

printf 'spec\ttool\tspec_edit_s\tcs_edit_s\tfiles\tlines\tbytes\n' >"$results"

# The floor: the same project with no generated code, so what MSBuild and the compiler cost anyway is visible.
echo "== floor: an empty project"
project "$work/empty" ""
floor="$(cs_edit_times "$work/empty")"
printf 'none\tempty project\t-\t%s\t0\t0\t0\n' "$(echo "$floor" | median)" >>"$results"
for name in $specs; do
  source_spec="$(spec_path "$name")"
  ext="${source_spec##*.}"

  # Specgen: the package and one <OpenApiSpec>.
  sg="$work/$name/specgen"
  project "$sg" "    <PackageReference Include=\"Specgen\" Version=\"$version\" />
    <OpenApiSpec Include=\"spec.$ext\" Namespace=\"Loop.Api\" ClientName=\"LoopClient\"$(spec_item "$name") />"
  cp "$source_spec" "$sg/spec.$ext"
  chmod u+w "$sg/spec.$ext"

  # NSwag: its CLI writes Client.cs before each build.
  ns="$work/$name/nswag"
  project "$ns" ""
  cp "$source_spec" "$ns/spec.$ext"
  chmod u+w "$ns/spec.$ext"
  if [ "$name" != bundled ] && [ "$with_nswag" = 1 ]; then node "$here/fix-for-nswag.mjs" "$source_spec" "$ns/spec.$ext"; fi

  echo "== $name: restore and warm-up builds"
  dotnet restore "$sg" -nologo -v:q >/dev/null
  t0=$(now); build "$sg"; t1=$(now)
  echo "   first build (restored, cold compiler server): $(elapsed "$t0" "$t1") s"
  # One spec edit and one C# edit more, not measured: the compiler server and the generator then run the paths the
  # measured builds take already compiled by the JIT, so the first spec of a run is not timed warming up.
  node "$here/edit-spec.mjs" "$sg/spec.$ext" 0
  build "$sg"
  echo "Console.WriteLine(0);" >>"$sg/Program.cs"
  build "$sg"
  if [ "$with_nswag" = 1 ]; then
    dotnet restore "$ns" -nologo -v:q >/dev/null
    nswag "$ns/spec.$ext" "$ns/Client.cs" "$(nswag_filter "$name")"
    build "$ns"
    node "$here/edit-spec.mjs" "$ns/spec.$ext" 0
    nswag "$ns/spec.$ext" "$ns/Client.cs" "$(nswag_filter "$name")"
    build "$ns"
  fi

  sg_spec="" sg_cs="" ns_spec="" ns_cs=""
  for i in $(seq 1 "$runs"); do
    node "$here/edit-spec.mjs" "$sg/spec.$ext" "$i"
    t0=$(now); build "$sg"; t1=$(now)
    sg_spec="$sg_spec $(elapsed "$t0" "$t1")"

    if [ "$with_nswag" = 1 ]; then
      node "$here/edit-spec.mjs" "$ns/spec.$ext" "$i"
      t0=$(now); nswag "$ns/spec.$ext" "$ns/Client.cs" "$(nswag_filter "$name")"; build "$ns"; t1=$(now)
      ns_spec="$ns_spec $(elapsed "$t0" "$t1")"
    fi

    echo "Console.WriteLine($i);" >>"$sg/Program.cs"
    t0=$(now); build "$sg"; t1=$(now)
    sg_cs="$sg_cs $(elapsed "$t0" "$t1")"

    if [ "$with_nswag" = 1 ]; then
      echo "Console.WriteLine($i);" >>"$ns/Program.cs"
      t0=$(now); build "$ns"; t1=$(now)
      ns_cs="$ns_cs $(elapsed "$t0" "$t1")"
    fi
    echo "   run $i: Specgen spec $(echo "$sg_spec" | awk '{print $NF}') s, C# $(echo "$sg_cs" | awk '{print $NF}') s; NSwag spec $(echo "$ns_spec" | awk '{print $NF}') s, C# $(echo "$ns_cs" | awk '{print $NF}') s"
  done

  # The recommended layout for a big client: the spec in a class library of its own, which the app
  # references; "C# edited → compiled" is the app's, and MSBuild finds the library up to date.
  split="$work/$name/split"
  library "$split/client" "    <PackageReference Include=\"Specgen\" Version=\"$version\" />
    <OpenApiSpec Include=\"spec.$ext\" Namespace=\"Loop.Api\" ClientName=\"LoopClient\"$(spec_item "$name") />"
  cp "$source_spec" "$split/client/spec.$ext"
  chmod u+w "$split/client/spec.$ext"
  project "$split/app" "    <ProjectReference Include=\"../client/Client.csproj\" />"
  dotnet restore "$split/app" -nologo -v:q >/dev/null
  build "$split/app"
  # Each app build right after an empty project's and an empty app's that references an empty library (what any
  # two-project solution pays for the reference), so all three see the machine as it is then.
  if [ ! -d "$work/pair" ]; then
    library "$work/pair/library" ""
    printf 'namespace Pair;\npublic sealed class Empty { }\n' >"$work/pair/library/Empty.cs"
    project "$work/pair/app" "    <ProjectReference Include=\"../library/Client.csproj\" />"
    dotnet restore "$work/pair/app" -nologo -v:q >/dev/null
    build "$work/pair/app"
  fi
  split_cs="" split_floor="" split_pair=""
  for i in $(seq 1 "$runs"); do
    echo "Console.WriteLine($i$i);" >>"$work/empty/Program.cs"
    t0=$(now); build "$work/empty"; t1=$(now)
    split_floor="$split_floor $(elapsed "$t0" "$t1")"
    echo "Console.WriteLine($i$i$i);" >>"$work/pair/app/Program.cs"
    t0=$(now); build "$work/pair/app"; t1=$(now)
    split_pair="$split_pair $(elapsed "$t0" "$t1")"
    echo "Console.WriteLine($i);" >>"$split/app/Program.cs"
    t0=$(now); build "$split/app"; t1=$(now)
    split_cs="$split_cs $(elapsed "$t0" "$t1")"
  done
  echo "   client in its own project: app's C# edited → compiled $(echo "$split_cs" | median) s (empty project beside it: $(echo "$split_floor" | median) s; an empty app referencing an empty library: $(echo "$split_pair" | median) s)"
  # The library's own spec edits, with the SDK's analyzers as they are and turned off (RunAnalyzers=false: the library
  # holds generated code only, which they have nothing to say about), one after the other.
  lib_spec="" lib_spec_off=""
  for i in $(seq 1 "$runs"); do
    node "$here/edit-spec.mjs" "$split/client/spec.$ext" "$i"
    t0=$(now); build "$split/client"; t1=$(now)
    lib_spec="$lib_spec $(elapsed "$t0" "$t1")"
    node "$here/edit-spec.mjs" "$split/client/spec.$ext" "$((i + 100))"
    t0=$(now); build "$split/client" -p:RunAnalyzers=false; t1=$(now)
    lib_spec_off="$lib_spec_off $(elapsed "$t0" "$t1")"
  done
  echo "   client in its own project: spec edited → library compiled $(echo "$lib_spec" | median) s, with RunAnalyzers=false $(echo "$lib_spec_off" | median) s"
  printf '%s\tSpecgen, own project\t%s\t%s\t-\t-\t-\n' "$name" "$(echo "$lib_spec" | median)" "$(echo "$split_cs" | median)" >>"$results"
  printf '%s\town project, no analyzers\t%s\t-\t-\t-\t-\n' "$name" "$(echo "$lib_spec_off" | median)" >>"$results"
  printf '%s\tempty, beside it\t-\t%s\t-\t-\t-\n' "$name" "$(echo "$split_floor" | median)" >>"$results"
  printf '%s\tempty pair, beside it\t-\t%s\t-\t-\t-\n' "$name" "$(echo "$split_pair" | median)" >>"$results"

  # The generated size: Specgen's files as the compiler saw them, NSwag's one file. (Program.cs is
  # touched so that the compiler runs again, now writing what the generator gave.)
  echo "// size" >>"$sg/Program.cs"
  dotnet build "$sg" --no-restore -nologo -v:d -p:EmitCompilerGeneratedFiles=true -p:ReportAnalyzer=true \
    -p:CompilerGeneratedFilesOutputPath="$work/$name/generated" >"$work/$name/size-build.log"
  echo "   the generator's own time in that build (ReportAnalyzer):"
  grep -A3 "generator execution time" "$work/$name/size-build.log" | grep -E "execution time|Specgen" | sed 's/^ */     /' | head -3 || true
  read -r sg_files sg_lines sg_bytes <<<"$(size_of "$work/$name/generated")"
  if [ "$with_nswag" = 1 ]; then read -r ns_files ns_lines ns_bytes <<<"$(size_of "$ns/Client.cs")"; else ns_files=- ns_lines=- ns_bytes=-; fi

  printf '%s\tSpecgen\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(echo "$sg_spec" | median)" "$(echo "$sg_cs" | median)" "$sg_files" "$sg_lines" "$sg_bytes" >>"$results"
  if [ "$with_nswag" = 1 ]; then
    printf '%s\tNSwag\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(echo "$ns_spec" | median)" "$(echo "$ns_cs" | median)" "$ns_files" "$ns_lines" "$ns_bytes" >>"$results"
  fi
done

echo
echo "== results (median of $runs; times in seconds; ratio = Specgen / NSwag; compiler server $shared_compilation)"
printf '%-8s %-20s %14s %12s %7s %9s %11s\n' spec tool "spec→compiled" "C#→compiled" files lines bytes
tail -n +2 "$results" | while IFS=$'\t' read -r s t se ce f l b; do
  printf '%-8s %-20s %14s %12s %7s %9s %11s\n' "$s" "$t" "$se" "$ce" "$f" "$l" "$b"
done
echo
printf '%-8s %14s %12s %9s %11s %22s %22s\n' spec "spec→compiled" "C#→compiled" lines bytes "own project / empty" "own project / pair"
for name in $specs; do
  IFS=$'\t' read -r _ _ sse sce _ sl sb <<<"$(grep -P "^$name\tSpecgen\t" "$results")"
  IFS=$'\t' read -r _ _ nse nce _ nl nb <<<"$(grep -P "^$name\tNSwag\t" "$results")"
  IFS=$'\t' read -r _ _ _ oce _ _ _ <<<"$(grep -P "^$name\tSpecgen, own project\t" "$results")"
  IFS=$'\t' read -r _ _ _ fce _ _ _ <<<"$(grep -P "^$name\tempty, beside it\t" "$results")"
  IFS=$'\t' read -r _ _ _ pce _ _ _ <<<"$(grep -P "^$name\tempty pair, beside it\t" "$results")"
  printf '%-8s %14s %12s %9s %11s %22s %22s\n' "$name" "$(ratio "$sse" "$nse")x" "$(ratio "$sce" "$nce")x" "$(ratio "$sl" "$nl")x" "$(ratio "$sb" "$nb")x" "$(ratio "$oce" "$fce")x" "$(ratio "$oce" "$pce")x"
done
echo
echo "raw figures: $results"
