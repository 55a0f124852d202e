// Makes a small real edit to a spec, in place: the first operation's `summary` gets " (edit <n>)"
// (replacing an earlier edit), so both generators' output changes (the summary is a doc comment on
// the client method) while the API stays the same. JSON and YAML alike; the rest of the text is
// left as it is.
import { readFileSync, writeFileSync } from "node:fs";

const [file, n] = process.argv.slice(2);
const text = readFileSync(file, "utf8");
const edited = text.replace(/^(\s*"?summary"?\s*:\s*)("?)(.*?)(?: \(edit \d+\))?\2(,?)\s*$/m, (_, key, quote, summary, comma) =>
  `${key}${quote}${summary} (edit ${n})${quote}${comma}`);
if (edited === text) {
  console.error(`edit-spec: no summary line in ${file}`);
  process.exit(1);
}
writeFileSync(file, edited);
