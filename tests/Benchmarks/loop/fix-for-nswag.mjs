// The hand fixes NSwag's output needs before it compiles for Vercel's and GitHub's specs (applied to
// NSwag's copy only; Specgen reads the spec as published):
//  1. an enum that lists the same value twice (Vercel), or two values that differ only in case
//     ("add" and "Add", GitHub), gives two enum members of one name (CS0102); NSwag's copy keeps the first;
//  2. an operation with both `exclude-ids` and `exclude_ids` query parameters (and likewise
//     `exclude-projectId` and `exclude_projectId`) gives two method parameters of one name (CS0100);
//     NSwag's copy drops the dashed one.
// Each fix is counted and printed, so a spec that no longer needs one shows it.
import { readFileSync, writeFileSync } from "node:fs";

const [input, output] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(input, "utf8"));
let enums = 0;
let dropped = 0;

function visit(node) {
  if (Array.isArray(node)) {
    node.forEach(visit);
    return;
  }
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node.enum)) {
    const seen = new Set();
    const unique = node.enum.filter((v) => {
      const key = typeof v === "string" ? v.toLowerCase() : JSON.stringify(v);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (unique.length !== node.enum.length) {
      node.enum = unique;
      enums++;
    }
  }
  if (Array.isArray(node.parameters)) {
    const names = new Set(node.parameters.map((p) => p && p.name));
    const before = node.parameters.length;
    node.parameters = node.parameters.filter((p) => !(p && typeof p.name === "string" && p.name.includes("-") && names.has(p.name.replaceAll("-", "_"))));
    dropped += before - node.parameters.length;
  }
  Object.values(node).forEach(visit);
}

visit(spec);
writeFileSync(output, JSON.stringify(spec, null, 2));
console.log(`fix-for-nswag: ${enums} enum(s) with repeated values (or values alike but for case) made unique, ${dropped} dashed duplicate parameter(s) dropped`);
