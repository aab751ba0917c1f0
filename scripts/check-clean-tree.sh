#!/usr/bin/env bash
# Fails when the working tree differs from the commit: an install that rewrote package-lock.json,
# or generated files that are not ignored. Used by .ci/run after `npm ci` and after `npm install`.
set -euo pipefail
changes="$(git status --porcelain)"
if [ -n "$changes" ]; then
  echo "The working tree changed ${1:-}:" >&2
  echo "$changes" >&2
  git --no-pager diff --stat >&2
  exit 1
fi
echo "clean tree ${1:-}"
