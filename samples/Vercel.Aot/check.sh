#!/usr/bin/env bash
# check.sh — the NativeAOT check CI runs: installs the native toolchain, publishes samples/Vercel.Aot
# with the documented command, fails on any warning in the publish output (trimming, AOT or other),
# then runs the native binary through seed 003's workflow against the emulator on 127.0.0.1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
work=$(mktemp -d)
emulator_pid=
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

bash scripts/install-aot-toolchain.sh

echo "== dotnet publish samples/Vercel.Aot -r linux-x64 -p:PublishAot=true"
# From clean output: the analyzers and ILC run again, so a warning cannot hide behind an up-to-date build.
rm -rf samples/Vercel.Aot/bin samples/Vercel.Aot/obj
if ! dotnet publish samples/Vercel.Aot -r linux-x64 -p:PublishAot=true >"$work/publish.log" 2>&1; then
  cat "$work/publish.log"
  echo "error: the NativeAOT publish failed" >&2
  exit 1
fi
cat "$work/publish.log"
if grep -Eiq "warning|: warn " "$work/publish.log"; then
  echo "error: the NativeAOT publish printed warnings:" >&2
  grep -Ei "warning|: warn " "$work/publish.log" | sort -u >&2
  exit 1
fi
binary=samples/Vercel.Aot/bin/Release/net8.0/linux-x64/publish/Vercel.Aot
[ -x "$binary" ] || { echo "error: no native binary at $binary" >&2; exit 1; }
echo "== published $(du -h "$binary" | cut -f1) native binary, 0 warnings"

echo "== starting the emulator on 127.0.0.1"
dotnet build samples/Vercel.Emulator -c Release -v quiet -nologo >"$work/emulator-build.log" 2>&1 || { cat "$work/emulator-build.log"; exit 1; }
dotnet samples/Vercel.Emulator/bin/Release/net10.0/Vercel.Emulator.dll --port 0 >"$work/emulator.log" 2>&1 &
emulator_pid=$!
address=
for _ in $(seq 1 100); do
  address=$(grep -oE "http://127\.0\.0\.1:[0-9]+/" "$work/emulator.log" | head -n 1 || true)
  [ -n "$address" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log"; echo "error: the emulator exited" >&2; exit 1; }
  sleep 0.2
done
[ -n "$address" ] || { cat "$work/emulator.log"; echo "error: the emulator did not start" >&2; exit 1; }

echo "== $binary --emulator $address"
"$binary" --emulator "$address" | tee "$work/run.log"
grep -q "Running as a native binary (NativeAOT)" "$work/run.log" || { echo "error: the binary did not run natively" >&2; exit 1; }
grep -q "Done: 2 store(s) created." "$work/run.log" || { echo "error: the workflow did not create both stores" >&2; exit 1; }
echo "== NativeAOT check passed"
