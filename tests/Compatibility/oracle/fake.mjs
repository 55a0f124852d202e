// The compatibility run's outside oracle: for every operation of a spec, schema-valid instances of
// each success response, made by json-schema-faker (nobody here wrote it). Prints JSON to stdout:
// [{ method, path, status, stream, instances: [...] } | { method, path, status, error }].
// Usage: node fake.mjs SPEC COUNT SEED
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { JSONSchemaFaker as jsf } from "json-schema-faker";
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// SHALLOW (a fourth argument, "shallow"): references one deep and one item per list, for a spec whose
// instances ran the faker out of memory at the usual depth.
const [specPath, countText = "3", seedText = "1", mode = "deep"] = process.argv.slice(2);
// PLAIN: no faker at all, only the oracle's plain instances (below), for a spec even that runs out of memory.
const shallow = mode === "shallow";
const plainOnly = mode === "plain";
const text = readFileSync(specPath, "utf8");
const doc = specPath.endsWith(".json") ? JSON.parse(text) : yaml.load(text, { schema: yaml.JSON_SCHEMA });
const count = Number(countText);

// The faker mistakes allOf: [{$ref: X}, {description: ...}] (every AWS member) for an object with a
// "description" property. The annotation-only parts say nothing of the value, so the faker gets the
// schema without them; every instance is still checked against the spec's own schema below.
const annotations = new Set(["description", "title", "example", "examples", "deprecated", "externalDocs", "xml", "readOnly", "writeOnly", "nullable"]);
const annotationOnly = (s) => s && typeof s === "object" && !Array.isArray(s) && Object.keys(s).every((k) => annotations.has(k) || k.startsWith("x-"));
function withoutAnnotationParts(node) {
  if (Array.isArray(node)) return node.map(withoutAnnotationParts);
  if (!node || typeof node !== "object") return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) copy[key] = withoutAnnotationParts(value);
  if (Array.isArray(copy.allOf)) {
    const kept = copy.allOf.filter((part) => !annotationOnly(part));
    if (kept.length === 0) delete copy.allOf;
    else copy.allOf = kept;
  }
  return copy;
}
// json-schema-faker also makes the value of a schema from its annotations when they stand beside a $ref,
// an allOf, an anyOf or a oneOf ({$ref: X, description: "d"} becomes {"description": "d"}), and gives up on a chain
// of components that only refer on ({"$ref": ...} as the value) before its refDepthMax counts real nesting.
// So the faker gets those schemas without their annotations (and nullable, which it reads the same way),
// and a reference to an alias component points straight at what the alias stands for.
const annotationKeys = new Set([...annotations, "readOnly", "writeOnly", "nullable"]);
const schemaMaps = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
const schemaLists = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const schemaKeys = new Set(["items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "additionalItems"]);
function forFaker(schema) {
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) return schema;
  const composite = typeof schema.$ref === "string" || Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf) || Array.isArray(schema.allOf);
  const copy = {};
  for (const [key, value] of Object.entries(schema)) {
    if (composite && (annotationKeys.has(key) || key.startsWith("x-"))) continue;
    // additionalProperties: true allows members nobody declared; the faker then invents some ('description'
    // beside Jira's allOf), which Specgen rightly keeps as extension data but the oracle counts as lost.
    if (key === "additionalProperties" && value === true) continue;
    if (schemaMaps.has(key) && value && typeof value === "object" && !Array.isArray(value)) {
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, forFaker(s)]));
    } else if (schemaLists.has(key) && Array.isArray(value)) copy[key] = value.map(forFaker);
    else if (schemaKeys.has(key)) copy[key] = Array.isArray(value) ? value.map(forFaker) : forFaker(value);
    else copy[key] = value;
  }
  return copy;
}
const fakerSchemas = Object.fromEntries(Object.entries(withoutAnnotationParts(doc.components?.schemas ?? {})).map(([name, s]) => [name, forFaker(s)]));
const aliasTarget = (ref) => {
  for (let hops = 0; hops < 32; hops++) {
    const name = typeof ref === "string" && ref.startsWith("#/components/schemas/") ? decodeURIComponent(ref.slice(21)).replace(/~1/g, "/").replace(/~0/g, "~") : null;
    const target = name !== null ? fakerSchemas[name] : null;
    if (!target || typeof target.$ref !== "string" || Object.keys(target).length !== 1) return ref;
    ref = target.$ref;
  }
  return ref;
};
function straightRefs(node) {
  if (Array.isArray(node)) return node.map(straightRefs);
  if (!node || typeof node !== "object") return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) copy[key] = key === "$ref" ? aliasTarget(value) : straightRefs(value);
  return copy;
}
const fakerDoc = { components: { ...(doc.components ?? {}), schemas: straightRefs(fakerSchemas) },
  definitions: doc.definitions && Object.fromEntries(Object.entries(withoutAnnotationParts(doc.definitions)).map(([name, s]) => [name, forFaker(s)])) };
const fakerSchema = (schema) => straightRefs(forFaker(withoutAnnotationParts(schema)));

// Where the faker could not fake a value it leaves the reference itself: such an instance is not one of the schema.
const unresolved = (node) => Array.isArray(node) ? node.some(unresolved)
  : node && typeof node === "object" ? typeof node.$ref === "string" || Object.values(node).some(unresolved) : false;

// An independent check that what the faker made is valid for the spec's schema (OpenAPI 3.1 is JSON Schema 2020-12).
const is31 = String(doc.openapi ?? "").startsWith("3.1");
const ajv = new (is31 ? Ajv2020 : Ajv)({ strict: false, validateFormats: true, validateSchema: false, allErrors: true, logger: false });
// The formats Specgen reads as C# types (DateTimeOffset, Guid, …) are part of an instance's type: one that
// breaks them is not a valid instance. Other formats (email, hostname) are not checked.
addFormats(ajv, ["date-time", "date", "time", "uuid", "uri", "uri-reference", "byte", "int32"]);
// ajv refuses to compile a schema with nullable but no type ("nullable" cannot be used without "type"),
// which left every response that reached one (Stripe's anyOf: [...], nullable: true) unchecked. The check
// drops such a nullable: stricter (a null there fails, and its instance is not counted), never looser.
function nullableWithoutType(node) {
  if (Array.isArray(node)) { node.forEach(nullableWithoutType); return node; }
  if (!node || typeof node !== "object") return node;
  if (node.nullable === true && node.type === undefined) delete node.nullable;
  Object.values(node).forEach(nullableWithoutType);
  return node;
}
// The whole document once, so each response's schema is compiled with only the components it reaches.
ajv.addSchema(nullableWithoutType(structuredClone(doc)), "spec");
// The faker often misses a pattern or a range; such an instance still tests the types, which is what the oracle is for.
const valueConstraints = new Set(["pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
  "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties"]);
const typeErrors = (errors) => (errors ?? []).filter((e) => !valueConstraints.has(e.keyword));
function validator(pointer) {
  try {
    return ajv.getSchema("spec#" + pointer) ?? null;
  } catch (e) {
    return null;
  }
}

// A seeded generator, so the report changes only when Specgen's behaviour does.
function mulberry32(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

jsf.option({
  random: mulberry32(Number(seedText)),
  alwaysFakeOptionals: false,
  optionalsProbability: 0.6,
  fillProperties: false,
  failOnInvalidTypes: false,
  failOnInvalidFormat: false,
  useDefaultValue: false,
  useExamplesValue: false,
  maxItems: shallow ? 1 : 3,
  maxLength: 24,
  refDepthMax: shallow ? 1 : 3,
  resolveJsonPath: false,
});

// The faker's own uri values have hosts like "Ko.pjccptemdjN,d": RFC 3986 allows a comma or a plus in a
// host name, but no http server has one, and System.Uri (what Specgen reads a uri as) rejects them. Its uris
// are made here from DNS labels instead, in the same three parts (scheme, host, path); ajv still checks each.
// A value System.Uri rejects is kept as sent and written back unchanged (FormatTests); that is not what the
// oracle measures.
const random = mulberry32(Number(seedText) + 7);
const word = (min, max) => Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(random() * 36)]).join("");
const url = () => `${random() < 0.5 ? "https" : "http"}://${word(3, 10)}.${word(2, 3)}/${word(0, 8)}`;
jsf.format("uri", url);
jsf.format("uri-reference", () => (random() < 0.5 ? url() : `/${word(1, 8)}/${word(0, 8)}`));

// When the faker makes no valid instance of a response (it throws in its clean step on Stripe's nested
// anyOfs, or keeps breaking a uuid format or an allOf's required members), the oracle makes plainer ones
// itself: each member from its type and format alone, a union's case chosen per variant (with the
// discriminator value its mapping names), optional members in some variants only. They are instances only
// when ajv says so, like the faker's; the report counts them apart.
const plainFormats = {
  "date-time": "2024-01-02T03:04:05Z", date: "2024-01-02", time: "03:04:05Z", uuid: "3f8f5a2e-1b7c-4d2a-9e6f-0a1b2c3d4e5f",
  uri: "https://example.com/a", "uri-reference": "/a/b", url: "https://example.com/a", email: "a@example.com",
  byte: "aGVsbG8=", hostname: "example.com", ipv4: "192.0.2.1", ipv6: "2001:db8::1", duration: "P1D", int64: "1",
};
const componentName = (pointer) => {
  const match = /^\/(?:components\/schemas|definitions)\/([^/]+)$/.exec(pointer ?? "");
  return match ? match[1].replace(/~1/g, "/").replace(/~0/g, "~") : null;
};
function plain(schema, pointer, variant, depth, seen) {
  [schema, pointer] = follow(schema, pointer);
  if (schema === true || schema === undefined) return "value";
  if (!schema || typeof schema !== "object" || depth > 12) throw new Error("no plain instance");
  if (typeof schema.$ref === "string") throw new Error("external reference");
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const values = schema.enum.filter((v) => v !== null);
    return values.length > 0 ? values[variant.pick(values.length)] : null;
  }
  const own = { ...schema };
  delete own.allOf; delete own.oneOf; delete own.anyOf;
  let value;
  const parts = Array.isArray(schema.allOf) ? schema.allOf.map((part, i) => plain(part, `${pointer}/allOf/${i}`, variant, depth + 1, seen)) : [];
  const union = Array.isArray(schema.oneOf) ? "oneOf" : Array.isArray(schema.anyOf) ? "anyOf" : null;
  if (union) {
    const cases = schema[union];
    const i = variant.pick(cases.length);
    value = plain(cases[i], `${pointer}/${union}/${i}`, variant, depth + 1, seen);
    const d = schema.discriminator;
    if (d?.propertyName && value && typeof value === "object" && !Array.isArray(value)) {
      const ref = cases[i]?.$ref;
      const key = Object.entries(d.mapping ?? {}).find(([, target]) => target === ref)?.[0] ?? (ref ? componentName(decodeURIComponent(ref.slice(1))) : null);
      if (key !== null) value[d.propertyName] = key;
    }
  }
  const hasOwn = Object.keys(own).some((k) => ["type", "properties", "items", "additionalProperties", "format"].includes(k));
  if (hasOwn || (parts.length === 0 && !union)) {
    const ownValue = plainOwn(own, pointer, variant, depth, seen);
    value = merge(value, ownValue);
  }
  for (const part of parts) value = merge(value, part);
  // A discriminated base read on its own: the value names the schema itself when its mapping does.
  const d = schema.discriminator;
  if (d?.propertyName && value && typeof value === "object" && !Array.isArray(value) && !union) {
    const self = "#" + pointer;
    const key = Object.entries(d.mapping ?? {}).find(([, target]) => target === self)?.[0] ?? componentName(pointer);
    if (key !== null && typeof value[d.propertyName] !== "string") value[d.propertyName] = key;
  }
  return value;
}
const merge = (a, b) => a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b) ? { ...a, ...b } : b === undefined ? a : a === undefined ? b : b;
function plainOwn(schema, pointer, variant, depth, seen) {
  let type = schema.type;
  if (Array.isArray(type)) type = type.find((t) => t !== "null") ?? "null";
  if (type === undefined) type = schema.properties || schema.additionalProperties ? "object" : schema.items ? "array" : "string";
  switch (type) {
    case "null": return null;
    case "boolean": return variant.n % 2 === 0;
    case "integer": return Math.max(Number(schema.minimum ?? 1), Number(schema.exclusiveMinimum ?? 0) + 1, 1) | 0 || 1;
    case "number": return schema.format === "integer" ? 2 : Math.max(Number(schema.minimum ?? 1.5), 1.5);
    case "string": {
      if (schema.format && plainFormats[schema.format]) return plainFormats[schema.format];
      const length = Math.max(Number(schema.minLength ?? 0), 5);
      return "value".padEnd(length, "x");
    }
    case "array": {
      const items = Math.max(Number(schema.minItems ?? 0), variant.n === 0 || depth > 6 ? 0 : 1);
      return Array.from({ length: items }, () => plain(schema.items, `${pointer}/items`, variant, depth + 1, seen));
    }
    case "object": {
      const value = {};
      const required = new Set(Array.isArray(schema.required) ? schema.required : []);
      for (const [name, member] of Object.entries(schema.properties ?? {})) {
        const [target] = follow(member, "");
        if (target?.readOnly === undefined && target?.writeOnly === true) continue;
        if (required.has(name) || (variant.n > 0 && depth < 4 && variant.pick(3) > 0)) {
          value[name] = plain(member, `${pointer}/properties/${escape(name)}`, variant, depth + 1, seen);
        }
      }
      for (const name of required) if (!(name in value)) value[name] = "value";
      if (schema.additionalProperties && typeof schema.additionalProperties === "object" && Object.keys(value).length === 0 && variant.n > 0 && depth < 4) {
        value.key = plain(schema.additionalProperties, `${pointer}/additionalProperties`, variant, depth + 1, seen);
      }
      return value;
    }
    default: throw new Error("no plain instance of type " + type);
  }
}
// Variant n: the first case of each union and required members only (n = 0), then seeded choices.
function plainInstances(w, valid, count) {
  const found = new Map();
  for (let n = 0; n < 12 && found.size < count; n++) {
    const choose = mulberry32(1000 + n);
    const variant = { n, pick: (length) => (n === 0 ? 0 : Math.floor(choose() * length)) };
    let instance;
    try {
      instance = plain(w.schema, w.schemaPointer, variant, 0, new Set());
    } catch {
      continue;
    }
    if (instance === undefined || unresolved(instance)) continue;
    if (valid && !valid(instance) && typeErrors(valid.errors).length > 0) continue;
    found.set(JSON.stringify(instance), instance);
  }
  return [...found.values()];
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const streams = new Set(["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines",
  "application/jsonlines", "application/stream+json", "application/json-seq", "text/event-stream"]);

const escape = (key) => key.replace(/~/g, "~0").replace(/\//g, "~1");

// Follows local $refs; returns the node and its JSON pointer.
function follow(node, pointer) {
  for (let hops = 0; node && typeof node.$ref === "string" && node.$ref.startsWith("#/") && hops < 32; hops++) {
    pointer = decodeURIComponent(node.$ref.slice(1));
    node = pointer.slice(1).split("/").reduce((n, k) => n?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return [node, pointer];
}

const isJson = (type) => !streams.has(type) && (type.startsWith("application/json") || (type.startsWith("application/") && type.includes("+json")) || type === "*/*");

// The media type the generator reads a response with: JSON first (and */* only with a schema), then a stream.
function pick(content) {
  const entries = Object.entries(content ?? {});
  const json = entries.find(([type, media]) => isJson(type.toLowerCase()) && media && (type !== "*/*" || media.schema));
  if (json) return { type: json[0], media: json[1], stream: false };
  const stream = entries.find(([type]) => streams.has(type.split(";")[0].trim().toLowerCase()));
  return stream ? { type: stream[0], media: stream[1], stream: true } : null;
}

// The examples the API's authors wrote for a response: the media type's example and examples (an Example
// Object's value, through $refs to components/examples) and the schema's own example (3.1: examples).
// Data nobody here made: each is checked like a faked instance. Of a stream, only array examples' items.
function examplesOf(media, schema, stream) {
  const found = [];
  if (media && "example" in media) found.push(media.example);
  for (const raw of Object.values(media?.examples ?? {})) {
    const [example] = follow(raw, "");
    if (example && typeof example === "object" && "value" in example) found.push(example.value);
  }
  if (schema && typeof schema === "object") {
    if ("example" in schema) found.push(schema.example);
    if (Array.isArray(schema.examples)) found.push(...schema.examples);
  }
  return stream ? found.filter(Array.isArray).flat() : found;
}

// The responses to fake, with where their schema is.
const wanted = [];
for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
  const [item, itemPointer] = follow(rawItem, "/paths/" + escape(path));
  for (const method of methods) {
    const operation = item?.[method];
    if (!operation || typeof operation !== "object") continue;
    const responses = operation.responses ?? {};
    const hasSuccess = Object.keys(responses).some((k) => k.startsWith("2"));
    for (const [status, rawResponse] of Object.entries(responses)) {
      // 204 and 205 have no body in HTTP, whatever the spec says (the client reads none).
      if (!(status.startsWith("2") || (!hasSuccess && status === "default")) || status === "204" || status === "205") continue;
      const [response, responsePointer] = follow(rawResponse, `${itemPointer}/${method}/responses/${escape(status)}`);
      // Swagger 2.0: a response's schema is its body, JSON unless produces says otherwise (the client decides).
      const picked = pick(response?.content)
        ?? (doc.swagger && response?.schema && response.schema.type !== "file" ? { type: null, media: { schema: response.schema }, stream: false } : null);
      if (!picked || !picked.media?.schema) continue;
      let schema = picked.media.schema;
      let schemaPointer = picked.type === null ? `${responsePointer}/schema` : `${responsePointer}/content/${escape(picked.type)}/schema`;
      const [target, targetPointer] = follow(schema, schemaPointer);
      if (picked.stream && target?.type === "array" && target.items) {
        schema = target.items;
        schemaPointer = targetPointer + "/items";
      }
      wanted.push({ method: method.toUpperCase(), path, status, stream: picked.stream, schema, schemaPointer, examples: examplesOf(picked.media, target, picked.stream) });
    }
  }
}

// Each response alone, so a schema the faker cannot fake costs only itself (and refDepthMax counts from the response).
// When a round makes no instance that passes the check (the faker drops a required member beside an allOf, or
// throws on an optional one), it tries again with every optional member and shallower references:
// instances that still pass the same check, so the oracle checks more responses without checking less.
// (Every optional member with deep references ran AWS and Google specs out of memory: the second round is shallow.)
const rounds = plainOnly ? [] : shallow ? [{}] : [{}, { alwaysFakeOptionals: true, refDepthMax: 1, maxItems: 1 }];
const defaults = { alwaysFakeOptionals: false, refDepthMax: shallow ? 1 : 3, maxItems: shallow ? 1 : 3 };

const out = [];
for (const w of wanted) {
  const entry = { method: w.method, path: w.path, status: w.status };
  const valid = validator(w.schemaPointer);
  // The spec's examples that are instances of its schema (authors' examples drift too: those are left out).
  const examples = w.examples.filter((e) => !valid || valid(e) || typeErrors(valid.errors).length === 0);
  entry.examples = examples;
  entry.invalidExamples = w.examples.length - examples.length;

  let instances = [];
  let invalid = 0;
  let reason;
  let error;
  for (const round of rounds) {
    jsf.option({ ...defaults, ...round });
    let made;
    try {
      const root = { ...fakerSchema(w.schema), components: fakerDoc.components, definitions: fakerDoc.definitions };
      made = Array.from({ length: count }, () => jsf.generate(root));
    } catch (e) {
      error ??= String(e?.message ?? e).slice(0, 200);
      continue;
    }

    invalid = 0;
    for (const instance of made) {
      // OpenAPI 3.0's nullable is not JSON Schema: a validator that cannot judge an instance leaves it in.
      if (unresolved(instance)) {
        invalid++;
        reason ??= "the faker left a $ref unresolved";
      } else if (valid && !valid(instance) && typeErrors(valid.errors).length > 0) {
        invalid++;
        reason ??= ajv.errorsText(typeErrors(valid.errors)).slice(0, 160);
      } else instances.push(instance);
    }

    if (instances.length > 0) break;
  }

  jsf.option(defaults);
  if (instances.length === 0) {
    const plainOnes = plainInstances(w, valid, count);
    if (plainOnes.length > 0) {
      out.push({ ...entry, stream: w.stream, instances: plainOnes, plain: true, fakerError: error ?? (invalid > 0 ? "the faker made instances that break their schema" : undefined) });
      continue;
    }
  }
  if (plainOnly && instances.length === 0) error = "no plain instance passes ajv";
  if (instances.length === 0 && error !== undefined && invalid === 0) {
    out.push({ ...entry, error });
    continue;
  }

  out.push({ ...entry, stream: w.stream, instances, invalid: instances.length === 0 ? invalid : 0, invalidReason: reason });
}

process.stdout.write(JSON.stringify(out));
