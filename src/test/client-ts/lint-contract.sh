#!/usr/bin/env bash
# Lints the committed contract with the pinned Redocly CLI and fails on any error or warning
# (redocly itself exits 0 when there are only warnings). Needs `npm ci` in this directory first
# (run.sh does it). Usage: src/test/client-ts/lint-contract.sh, from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../../.."
redocly="$here/node_modules/.bin/redocly"
[ -x "$redocly" ] || { echo "lint-contract: $redocly is missing: run npm ci in src/test/client-ts first." >&2; exit 1; }
[ -f openapi/redocly.yaml ] || { echo "lint-contract: openapi/redocly.yaml is missing." >&2; exit 1; }

report="$(mktemp)"
trap 'rm -f "$report"' EXIT
# No usage data leaves CI, and no update banners in the log.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
echo "==> redocly lint openapi/openapi.yaml --config openapi/redocly.yaml"
set +e
"$redocly" lint openapi/openapi.yaml --config openapi/redocly.yaml --format json --max-problems 10000 >"$report"
status=$?
set -e

node - "$report" "$status" <<'JS'
const fs = require("node:fs");
const [file, status] = process.argv.slice(2);
let result;
try {
  result = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (e) {
  console.error(`lint-contract: redocly exited ${status} without a JSON report`);
  process.exit(1);
}
for (const p of result.problems) {
  const at = p.location?.[0];
  const where = at ? `${at.source?.ref ?? ""}:${at.start?.line ?? "?"}:${at.start?.col ?? "?"} ${at.pointer ?? ""}` : "";
  console.log(`${p.severity.padEnd(5)} ${p.ruleId}  ${where}\n      ${p.message}`);
}
const { errors, warnings } = result.totals;
console.log(`redocly ${result.version} lint: ${errors} errors, ${warnings} warnings`);
process.exit(errors === 0 && warnings === 0 && status === "0" ? 0 : 1);
JS
