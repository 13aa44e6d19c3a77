#!/usr/bin/env bash
# Regenerates src/Gongbao.Domain/pinyin.tsv (toneless Mandarin reading per BMP CJK ideograph)
# from Debian's unicode-data package (Unihan kMandarin field: the most customary reading).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download unicode-data >/dev/null && dpkg -x unicode-data_*.deb x)
bzcat "$tmp"/x/usr/share/unicode/Unihan_Readings.txt.bz2 \
 | awk -F'\t' '$2=="kMandarin" && length($1)==6 { print substr($1,3) "\t" $3 }' \
 | iconv -f utf-8 -t ascii//TRANSLIT | sed 's/ .*//' | tr -d "'\`^\"~" | tr 'A-Z' 'a-z' \
 > src/Gongbao.Domain/pinyin.tsv
wc -l src/Gongbao.Domain/pinyin.tsv
