// Copies the built browser files khabar's web app ships from node_modules into
// src/khabar/web/static/vendor/, with their licences. Run after `npm ci`:
//   cd tools/web-assets && npm ci --ignore-scripts && npm run vendor
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "..", "src", "khabar", "web", "static", "vendor");

// [package, file inside it, name in static/vendor/<package>/]
const FILES = [
  ["chart.js", "dist/chart.umd.min.js", "chart.umd.min.js"],
  ["chart.js", "LICENSE.md", "LICENSE.md"],
  ["vazirmatn", "fonts/webfonts/Vazirmatn[wght].woff2", "Vazirmatn-Variable.woff2"],
  ["vazirmatn", "OFL.txt", "OFL.txt"],
  ["swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui-bundle.js"],
  ["swagger-ui-dist", "swagger-ui.css", "swagger-ui.css"],
  ["swagger-ui-dist", "favicon-32x32.png", "favicon-32x32.png"],
  ["swagger-ui-dist", "LICENSE", "LICENSE"],
  ["swagger-ui-dist", "NOTICE", "NOTICE"],
];

for (const [pkg, file, name] of FILES) {
  const version = JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;
  const target = join(vendor, pkg);
  mkdirSync(target, { recursive: true });
  copyFileSync(join(modules, pkg, file), join(target, name));
  console.log(`${pkg}@${version}: ${file} -> static/vendor/${pkg}/${name}`);
}
