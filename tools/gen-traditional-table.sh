#!/usr/bin/env bash
# Regenerates src/Gongbao.Search/traditional.tsv (traditional → simplified, one character each)
# from Debian's OpenCC data (Apache-2.0): TSCharacters, first candidate, identities dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download opencc libopencc1.1 libmarisa0 >/dev/null 2>&1 \
  && for f in *.deb; do dpkg -x "$f" x; done)
LD_LIBRARY_PATH="$tmp/x/usr/lib/x86_64-linux-gnu" "$tmp/x/usr/bin/opencc_dict" \
  -i "$tmp/x/usr/share/opencc/TSCharacters.ocd2" -o "$tmp/ts.txt" -f ocd2 -t text
# Keep single BMP characters whose first simplified candidate differs from the source.
perl -CSD -F"\t" -lane 'my @a = split / /, $F[1]; print "$F[0]\t$a[0]" if length($F[0]) == 1 && length($a[0]) == 1 && $F[0] ne $a[0]' "$tmp/ts.txt" \
  | LC_ALL=C sort > src/Gongbao.Search/traditional.tsv
wc -l src/Gongbao.Search/traditional.tsv
