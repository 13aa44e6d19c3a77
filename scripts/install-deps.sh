#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Debian's Chromium (browser tests drive it through
# Playwright with ExecutablePath=/usr/bin/chromium), fonts-noto-cjk (so pages render Chinese, which the
# layout checks at 390 px measure) and PostgreSQL (storage backend tests).
# Idempotent: does nothing when everything is present.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK*" >/dev/null || need+=(fonts-noto-cjk)
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "install-deps: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
