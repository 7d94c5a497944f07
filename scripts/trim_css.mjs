// Bootstrap trimmed to the rules our pages can use (decision 0007): PurgeCSS keeps a rule
// when a class, element or attribute in its selector appears as a word in the files that
// write our markup. Made by `make` after `npm ci` and again whenever one of those files
// changes, and the same way in the Dockerfile. Output: static-build/ (not in git),
// served as the static file vendor/bootstrap/bootstrap.trimmed.css.
//
// Usage: node scripts/trim_css.mjs  (from the project root)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { gzipSync } from "node:zlib";
import { PurgeCSS } from "purgecss";

const SOURCE = "node_modules/bootstrap/dist/css/bootstrap.min.css";
const OUTPUT = "static-build/bootstrap/bootstrap.trimmed.css";

// Everything that writes markup: every template, all of our Python (template tags and
// forms write HTML and class names; Python elsewhere may too) and our scripts. A word
// that only looks like a class keeps a few rules too many, never too few.
const CONTENT = [
  "templates/**/*.html",
  "*/templates/**/*.html",
  "{answers,options,clinicians,hospitals,keuzehulp}/**/*.py",
  "static/js/**/*.js",
];

// Classes written by a file that is not ours, so not among the files above: the
// crispy-forms Bootstrap 5 templates (in the Python packages, which the Dockerfile's Node
// stage does not have) render the resume form, the clinician's login and her share code
// form with these. tests/test_trimmed_stylesheet.py renders those forms and fails when
// crispy writes a Bootstrap class that is missing here.
const SAFELIST = [
  "mb-3",
  "form-label",
  "form-control",
  "form-text",
  "is-invalid",
  "invalid-feedback",
  "alert",
  "alert-danger",
  "m-0",
];

const results = await new PurgeCSS().purge({
  content: CONTENT,
  css: [SOURCE],
  safelist: { standard: SAFELIST },
  // Keyframes and font faces that no kept rule uses go too; custom properties all stay,
  // since our own app.css sets and reads Bootstrap's --bs-* variables.
  keyframes: true,
  fontFace: true,
});
// The source map belongs to the whole file, not to this one.
const css = results[0].css.replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, "").trim() + "\n";
mkdirSync(dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, css);

const size = (text) => `${Buffer.byteLength(text)} bytes (${gzipSync(text, { level: 9 }).length} gzip)`;
console.log(`${OUTPUT}: ${size(css)}, from ${size(readFileSync(SOURCE, "utf8"))}`);
