#!/usr/bin/env bash
# Installs the Debian packages convstat needs to build and test, only those
# missing. Uses apt-get directly as root, through sudo otherwise; when neither
# works it prints the exact command to run and exits 1.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libcli11-dev libsqlitecpp-dev libsqlite3-dev sqlite3 nlohmann-json3-dev catch2
  libhowardhinnant-date-dev tzdata libtomlplusplus-dev zlib1g-dev
  groff-base man-db bash zsh fish python3
  libcurl4-openssl-dev libcpp-httplib-dev libsimdjson-dev
  libcairo2-dev libpango1.0-dev fonts-noto-core fonts-wqy-microhei poppler-utils
  libpq-dev postgresql
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "convstat: installing missing packages: ${missing[*]}" >&2
command="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  bash -c "$command"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo bash -c "$command"
elif command -v sudo >/dev/null 2>&1 && [[ -t 0 ]]; then
  sudo bash -c "$command"
else
  echo "convstat: cannot install packages (not root, no usable sudo). Run as root:" >&2
  echo "  $command" >&2
  exit 1
fi
