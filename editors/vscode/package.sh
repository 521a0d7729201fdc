#!/usr/bin/env bash
# Packages the extension as palisade-perimeter.vsix with npm (the registry must be reachable
# on the first run; later runs use npm's cache). Skips with a message when npm is missing.
set -euo pipefail
if ! command -v npm >/dev/null 2>&1; then
	echo "editors/vscode: npm not found; the .vsix is not built (install Node.js 18+ with npm)" >&2
	exit 0
fi
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ -f package-lock.json ]; then
	npm ci --no-audit --no-fund --loglevel=error
else
	npm install --no-audit --no-fund --loglevel=error
fi
npm run --silent package
ls -l palisade-perimeter.vsix
