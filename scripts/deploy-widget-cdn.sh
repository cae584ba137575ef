#!/usr/bin/env bash
# Publishes the widget to a CDN origin: a local directory or an S3-compatible bucket.
#
#   scripts/deploy-widget-cdn.sh --dest <dir | s3://bucket/prefix> [--dry-run]
#   scripts/deploy-widget-cdn.sh --dest <dir | s3://bucket/prefix> --rollback <version> [--dry-run]
#
# Publishing builds the widget into a staging directory, checks the size budgets in Chromium
# (`npm run bench -- --check --size-only`), uploads runtime/<version>/… (immutable; earlier
# versions stay), then switches: widget.js, and manifest.json last. A rollback points
# widget.js and manifest.json back at a version published earlier. docs/deploy.md has the
# layout, the caching headers and the CORS and SRI details.
#
# Environment: OPENCOM_WIDGET_VERSION overrides package.json's version. An s3:// destination
# uses the aws CLI with its usual configuration (AWS_PROFILE, AWS_ENDPOINT_URL, …).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '4,5p' "$0" | sed 's/^# *//' >&2
  exit 2
}

dest=""
rollback_version=""
dry_run=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dest) [[ $# -ge 2 ]] || usage; dest="$2"; shift 2 ;;
    --rollback) [[ $# -ge 2 ]] || usage; rollback_version="$2"; shift 2 ;;
    --dry-run) dry_run=(--dry-run); shift ;;
    -h|--help) usage ;;
    *) echo "[deploy] error: unknown argument $1" >&2; usage ;;
  esac
done
[[ -n "$dest" ]] || { echo "[deploy] error: --dest is required" >&2; usage; }

if [[ -n "$rollback_version" ]]; then
  exec npx --no-install tsx scripts/deploy/main.ts rollback --version "$rollback_version" --dest "$dest" "${dry_run[@]}"
fi

staging="$(mktemp -d "${TMPDIR:-/tmp}/opencom-deploy-XXXXXX")"
trap 'rm -rf "$staging"' EXIT

echo "[deploy] building into $staging"
npx --no-install vite build --outDir "$staging" --emptyOutDir --logLevel warn

echo "[deploy] checking the size budgets"
npm run --silent bench -- --check --size-only --dist "$staging"

npx --no-install tsx scripts/deploy/main.ts publish --from "$staging" --dest "$dest" "${dry_run[@]}"
