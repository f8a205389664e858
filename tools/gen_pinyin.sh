#!/bin/sh
# gen_pinyin.sh — writes the pinyin-initials table behind jz_pinyin_letters()
# (src/core/pinyin.c) from Unicode's Unihan_Readings.txt.bz2.
#   sh tools/gen_pinyin.sh /usr/share/unicode/Unihan_Readings.txt.bz2 build/gen/pinyin_table.c
# The work is in gen_pinyin.awk beside this script (portable awk: mawk or gawk).
set -eu

if [ $# -ne 2 ]; then
	echo "usage: $0 Unihan_Readings.txt.bz2 OUTPUT.c" >&2
	exit 2
fi
in=$1
out=$2
awk_file=$(dirname "$0")/gen_pinyin.awk
tmp=$out.tmp

if [ ! -r "$in" ]; then
	echo "$0: cannot read $in" >&2
	exit 1
fi
trap 'rm -f "$tmp" "$tmp.txt"' EXIT
# Decompress to a file first so that a bzip2 failure stops the script.
bzip2 -dc "$in" > "$tmp.txt"
LC_ALL=C awk -f "$awk_file" "$tmp.txt" > "$tmp"
mv "$tmp" "$out"
