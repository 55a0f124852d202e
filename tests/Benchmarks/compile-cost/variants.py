#!/usr/bin/env python3
"""Variants of a generated client, for `compile-cost` (docs/performance.md, issue 33 item 3): each removes or
rewrites one kind of generated code, so its share of the compile can be measured. They compile; they do not work.

    dotnet run -c Release --project tests/Benchmarks -- compile-cost vercel --write /tmp/cc/base
    python3 tests/Benchmarks/compile-cost/variants.py VARIANT /tmp/cc/base /tmp/cc/VARIANT
    dotnet run -c Release --project tests/Benchmarks -- compile-cost --from /tmp/cc/base,/tmp/cc/VARIANT

VARIANT is one of:
  no-read     every ReadValue body replaced by a throw
  no-write    every WriteValue body replaced by a throw
  no-print    every record's PrintMembers body replaced by `return false`
  switch      one generic `Member<TAccess>` switch per simple record serving read and write (stub runtime types)
  table       no ReadValue/WriteValue bodies; a static table per record with an entry per member (stub types)
"""
import glob
import os
import re
import sys


def strip_bodies(lines, wanted, body):
    """Replaces the body of each method whose signature line `wanted` accepts with `body`."""
    out, i = [], 0
    while i < len(lines):
        line, text = lines[i], lines[i].strip()
        if wanted(text) and not text.endswith(';') and i + 1 < len(lines) and lines[i + 1].strip() == '{':
            indent = len(lines[i + 1]) - len(lines[i + 1].lstrip())
            out += [line, ' ' * indent + body]
            i += 2
            while not (lines[i].startswith(' ' * indent + '}') and len(lines[i]) - len(lines[i].lstrip()) == indent):
                i += 1
            i += 1
            continue
        out.append(line)
        i += 1
    return out


def is_read(text):
    return text.startswith('public static') and '? ReadValue(ref global::System.Text.Json.Utf8JsonReader' in text


def is_write(text):
    return text.startswith('public static') and ' WriteValue(global::System.Text.Json.Utf8JsonWriter' in text


STUBS = '''
#nullable enable
namespace Spike
{
    using System.Text.Json;
    public enum Kind { String, Int64 }
    public sealed class Member { public Member(string name, Kind kind, int flags) { } }
    public interface IJsonCodec<T> { static abstract T? Read(ref Utf8JsonReader reader, JsonSerializerOptions options); static abstract void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options); }
    public struct Codec<T> : IJsonCodec<T> { public static T? Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => default; public static void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) { } }
    public interface IMemberAccess
    {
        void Value<T, TCodec>(ref T? field, ref Utf8JsonReader reader, int flags) where T : struct where TCodec : IJsonCodec<T>;
        void Value<T, TCodec>(ref T? field, ref JsonElement? raw, ref Utf8JsonReader reader, int flags) where T : struct where TCodec : IJsonCodec<T>;
        void Reference<T, TCodec>(ref T? field, ref Utf8JsonReader reader, int flags) where T : class where TCodec : IJsonCodec<T>;
        void Reference<T, TCodec>(ref T? field, ref JsonElement? raw, ref Utf8JsonReader reader, int flags) where T : class where TCodec : IJsonCodec<T>;
    }
    public struct ReadAccess : IMemberAccess
    {
        public ReadAccess(JsonSerializerOptions options) { }
        public void Value<T, TCodec>(ref T? field, ref Utf8JsonReader reader, int flags) where T : struct where TCodec : IJsonCodec<T> => field = TCodec.Read(ref reader, null!);
        public void Value<T, TCodec>(ref T? field, ref JsonElement? raw, ref Utf8JsonReader reader, int flags) where T : struct where TCodec : IJsonCodec<T> => field = TCodec.Read(ref reader, null!);
        public void Reference<T, TCodec>(ref T? field, ref Utf8JsonReader reader, int flags) where T : class where TCodec : IJsonCodec<T> => field = TCodec.Read(ref reader, null!);
        public void Reference<T, TCodec>(ref T? field, ref JsonElement? raw, ref Utf8JsonReader reader, int flags) where T : class where TCodec : IJsonCodec<T> => field = TCodec.Read(ref reader, null!);
    }
    public struct WriteAccess : IMemberAccess
    {
        public WriteAccess(Utf8JsonWriter writer, JsonSerializerOptions options) { }
        public void Value<T, TCodec>(ref T? field, ref Utf8JsonReader reader, int flags) where T : struct where TCodec : IJsonCodec<T> { }
        public void Value<T, TCodec>(ref T? field, ref JsonElement? raw, ref Utf8JsonReader reader, int flags) where T : struct where TCodec : IJsonCodec<T> { }
        public void Reference<T, TCodec>(ref T? field, ref Utf8JsonReader reader, int flags) where T : class where TCodec : IJsonCodec<T> { }
        public void Reference<T, TCodec>(ref T? field, ref JsonElement? raw, ref Utf8JsonReader reader, int flags) where T : class where TCodec : IJsonCodec<T> { }
    }
}
'''

VALUE_TYPES = {'long', 'int', 'double', 'float', 'decimal', 'bool', 'global::System.DateTimeOffset', 'global::System.DateOnly',
               'global::System.TimeSpan', 'global::System.TimeOnly', 'global::System.Guid', 'global::System.Text.Json.JsonElement'}


def shared_switch(lines, structs):
    """Each simple sealed record (one presence field, no typed additionalProperties) reads and writes through one switch."""
    out, i = [], 0
    while i < len(lines):
        header = re.match(r'    public sealed partial record (\w+)( : global::Specgen\.Runtime\.Infrastructure\.IValidatable)?\s*$', lines[i])
        if not header:
            out.append(lines[i])
            i += 1
            continue
        name, end = header.group(1), i + 1
        while lines[end] != '    }':
            end += 1
        block, text = lines[i:end + 1], '\n'.join(lines[i:end + 1])
        if re.findall(r'private ulong (_set\w+)', text) != ['_set0'] or 'JsonRead.NextMember(ref reader, s_names, ref extra, ref member)' not in text:
            out += block
            i = end + 1
            continue
        types = {field: type_ for type_, field in re.findall(r'        private (\S+(?:<[^;]*>)?)\? (_\w+)(?: = [^;]*)?;', text)}
        raws = set(re.findall(r'private global::System\.Text\.Json\.JsonElement\? _raw_(\w+);', text))
        cases = re.findall(r'case (\d+): result\.(_\w+) = ', text)
        k = 0
        while k < len(block):
            line, stripped = block[k], block[k].strip()
            indent = line[:len(line) - len(line.lstrip())]
            if stripped == 'var member = -1;':
                out += [line, indent + 'var access = new global::Spike.ReadAccess(options);']
            elif stripped == 'switch (member)':
                out.append(indent + 'Member(result, member, ref access, ref reader);')
                depth = 0
                while True:
                    depth += {'{': 1, '}': -1}.get(block[k].strip(), 0)
                    k += 1
                    if depth == 0 and block[k - 1].strip() == '}':
                        break
                continue
            elif 'JsonRead.Incomplete(options' in stripped:
                pass
            elif stripped.startswith('if (((value._set0 & (1UL << ') and 'WritePropertyName' in stripped:
                while k < len(block) and block[k].strip().startswith('if (((value._set0 & (1UL << '):
                    k += 1
                out.append(indent + 'var access = new global::Spike.WriteAccess(writer, options); var none = default(global::System.Text.Json.Utf8JsonReader);')
                out.append(indent + f'for (var member = 0; member < {len(cases)}; member++) if ((value._set0 & (1UL << member)) != 0) {{ writer.WritePropertyName(s_names[member]); Member(value, member, ref access, ref none); }}')
                continue
            elif stripped.startswith('public static void WriteValue('):
                out.append(indent + f'private static void Member<TAccess>({name} target, int member, ref TAccess access, ref global::System.Text.Json.Utf8JsonReader reader) where TAccess : struct, global::Spike.IMemberAccess')
                out += [indent + '{', indent + '    switch (member)', indent + '    {']
                for index, field in cases:
                    type_ = types[field]
                    kind = 'Value' if type_ in VALUE_TYPES or type_ in structs else 'Reference'
                    raw = f'ref target._raw_{field[1:]}, ' if field[1:] in raws else ''
                    out.append(indent + f'        case {index}: access.{kind}<{type_}, global::Spike.Codec<{type_}>>(ref target.{field}, {raw}ref reader, 0); break;')
                out += [indent + '    }', indent + '}', '', line]
            else:
                out.append(line)
            k += 1
        i = end + 1
    return out


def table(lines):
    """No converter bodies; a static table with an entry per member beside each names table."""
    out = []
    for line in lines:
        out.append(line)
        names = re.match(r'(\s*)private static readonly global::Specgen\.Runtime\.Infrastructure\.JsonMemberNames s_names = new\((.*)\);$', line)
        if names:
            indent = names.group(1)
            out += [indent + 'private static readonly global::Spike.Member[] s_members =', indent + '{']
            out += [indent + f'    new({name}, global::Spike.Kind.String, {k}),' for k, name in enumerate(re.findall(r'"(?:[^"\\]|\\.)*"', names.group(2)))]
            out.append(indent + '};')
    return strip_bodies(out, lambda t: is_read(t) or is_write(t), '{ throw null!; }')


def main():
    variant, source, target = sys.argv[1:4]
    os.makedirs(target, exist_ok=True)
    files = sorted(glob.glob(os.path.join(source, '*.cs')))
    structs = {m for f in files for m in re.findall(r'public readonly partial struct (\w+)', open(f).read())}
    structs |= {'global::' + ns + '.' + s for s in structs for ns in re.findall(r'^namespace (\S+)', open(files[0]).read(), re.M)}
    for path in files:
        lines = open(path).read().split('\n')
        if variant == 'no-read':
            lines = strip_bodies(lines, is_read, '{ throw null!; }')
        elif variant == 'no-write':
            lines = strip_bodies(lines, is_write, '{ throw null!; }')
        elif variant == 'no-print':
            lines = strip_bodies(lines, lambda t: 'bool PrintMembers(global::System.Text.StringBuilder builder)' in t, '{ return false; }')
        elif variant == 'switch':
            lines = shared_switch(lines, structs)
        elif variant == 'table':
            lines = table(lines)
        else:
            sys.exit(f'unknown variant {variant}')
        open(os.path.join(target, os.path.basename(path)), 'w').write('\n'.join(lines))
    if variant in ('switch', 'table'):
        open(os.path.join(target, 'zz_stubs.cs'), 'w').write(STUBS)


if __name__ == '__main__':
    main()
