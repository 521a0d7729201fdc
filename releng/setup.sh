#!/usr/bin/env bash
# Installs what the build and the tests need on a Debian machine, once: a JDK 17
# (the build runs on Java 17), Xvfb and GTK 3 for the SWT/workbench tests, fonts for
# readable screenshots. Idempotent: it installs only what is missing.
set -euo pipefail
packages=(openjdk-17-jdk-headless xvfb xauth libgtk-3-0 fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	sudo="sudo"
fi
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
