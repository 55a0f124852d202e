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

const [specPath, countText = "3", seedText = "1"] = process.argv.slice(2);
const text = readFileSync(specPath, "utf8");
const doc = specPath.endsWith(".json") ? JSON.parse(text) : yaml.load(text, { schema: yaml.JSON_SCHEMA });
const count = Number(countText);

// The faker mistakes allOf: [{$ref: X}, {description: ...}] (every AWS member) for an object with a
// "description" property. The annotation-only parts say nothing of the value, so the faker gets the
// schema without them; every instance is still checked against the spec's own schema below.
const annotations = new Set(["description", "title", "example", "examples", "deprecated", "externalDocs", "xml"]);
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
const fakerDoc = withoutAnnotationParts(doc);

// An independent check that what the faker made is valid for the spec's schema (OpenAPI 3.1 is JSON Schema 2020-12).
const is31 = String(doc.openapi ?? "").startsWith("3.1");
const ajv = new (is31 ? Ajv2020 : Ajv)({ strict: false, validateFormats: true, validateSchema: false, allErrors: true, logger: false });
// The formats Specgen reads as C# types (DateTimeOffset, Guid, …) are part of an instance's type: one that
// breaks them is not a valid instance. Other formats (email, hostname) are not checked.
addFormats(ajv, ["date-time", "date", "time", "uuid", "uri", "uri-reference", "byte", "int32"]);
// The whole document once, so each response's schema is compiled with only the components it reaches.
ajv.addSchema(doc, "spec");
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
  maxItems: 3,
  maxLength: 24,
  refDepthMax: 3,
  resolveJsonPath: false,
});

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
      if (!(status.startsWith("2") || (!hasSuccess && status === "default"))) continue;
      const [response, responsePointer] = follow(rawResponse, `${itemPointer}/${method}/responses/${escape(status)}`);
      const picked = pick(response?.content);
      if (!picked || !picked.media?.schema) continue;
      let schema = picked.media.schema;
      let schemaPointer = `${responsePointer}/content/${escape(picked.type)}/schema`;
      const [target, targetPointer] = follow(schema, schemaPointer);
      if (picked.stream && target?.type === "array" && target.items) {
        schema = target.items;
        schemaPointer = targetPointer + "/items";
      }
      wanted.push({ method: method.toUpperCase(), path, status, stream: picked.stream, schema, schemaPointer });
    }
  }
}

// Each response alone, so a schema the faker cannot fake costs only itself (and refDepthMax counts from the response).
const batches = wanted.map((w) => {
  try {
    const root = { ...withoutAnnotationParts(w.schema), components: fakerDoc.components, definitions: fakerDoc.definitions };
    return Array.from({ length: count }, () => jsf.generate(root));
  } catch (e) {
    return { error: String(e?.message ?? e).slice(0, 200) };
  }
});

const out = [];
wanted.forEach((w, i) => {
  const made = batches[i];
  const entry = { method: w.method, path: w.path, status: w.status };
  if (!Array.isArray(made)) {
    out.push({ ...entry, error: made?.error ?? "the faker made no instances" });
    return;
  }

  const valid = validator(w.schemaPointer);
  const instances = [];
  let invalid = 0;
  let reason;
  for (const instance of made) {
    // OpenAPI 3.0's nullable is not JSON Schema: a validator that cannot judge an instance leaves it in.
    if (valid && !valid(instance) && typeErrors(valid.errors).length > 0) {
      invalid++;
      reason ??= ajv.errorsText(typeErrors(valid.errors)).slice(0, 160);
    } else instances.push(instance);
  }
  out.push({ ...entry, stream: w.stream, instances, invalid, invalidReason: reason });
});

process.stdout.write(JSON.stringify(out));
