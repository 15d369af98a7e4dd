#!/bin/bash
# Usage: scripts/commit-only.sh "message" path…
# Commits exactly these paths (their working-tree content) on top of HEAD through a private index,
# without sweeping up what others staged in a shared checkout; then syncs the shared index for them.
set -e
msg="$1"; shift
cd "$(git rev-parse --show-toplevel)"
export GIT_INDEX_FILE=$(mktemp /tmp/idx.XXXX)
git read-tree HEAD
for p in "$@"; do
  if [ -e "$p" ]; then git add -- "$p"; else git rm -q --cached -r --ignore-unmatch -- "$p"; fi
done
tree=$(git write-tree)
commit=$(git commit-tree "$tree" -p HEAD -m "$msg")
git update-ref HEAD "$commit"
rm -f "$GIT_INDEX_FILE"
unset GIT_INDEX_FILE
git reset -q -- "$@" 2>/dev/null || true
echo "committed $commit"
