// Makes a small real edit to a spec, in place: the first operation's `summary` (else the first `description`) gets " (edit <n>)"
// (replacing an earlier edit), so both generators' output changes (the summary is a doc comment on
// the client method) while the API stays the same. JSON and YAML alike; the rest of the text is
// left as it is.
import { readFileSync, writeFileSync } from "node:fs";

const [file, n] = process.argv.slice(2);
const text = readFileSync(file, "utf8");
// The first summary; a spec without any (Stripe's) has its first description edited instead.
const edit = (key) => text.replace(new RegExp(`^(\\s*"?${key}"?\\s*:\\s*)("?)(.*?)(?: \\(edit \\d+\\))?\\2(,?)\\s*$`, "m"), (_, name, quote, summary, comma) =>
  `${name}${quote}${summary} (edit ${n})${quote}${comma}`);
let edited = edit("summary");
if (edited === text) edited = edit("description");
if (edited === text) {
  console.error(`edit-spec: no summary line in ${file}`);
  process.exit(1);
}
writeFileSync(file, edited);
