#!/usr/bin/env bash
# Regenerates the dialer's prompts (8 kHz mono 16-bit WAV, what Asterisk plays without transcoding)
# from prompts.tsv with espeak-ng and sox. Record real voices for production and keep the names.
set -euo pipefail
cd "$(dirname "$0")"
command -v espeak-ng >/dev/null && command -v sox >/dev/null || { echo "needs espeak-ng and sox (apt-get install espeak-ng sox)" >&2; exit 1; }
mkdir -p en vi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' prompts.tsv | while IFS=$'\t' read -r name en vi; do
  espeak-ng -v en-us -s 150 -w "$tmp/en.wav" "$en"
  sox -V1 "$tmp/en.wav" -r 8000 -c 1 -b 16 "en/$name.wav" gain -n -3
  espeak-ng -v vi -s 140 -w "$tmp/vi.wav" "$vi"
  sox -V1 "$tmp/vi.wav" -r 8000 -c 1 -b 16 "vi/$name.wav" gain -n -3
done
echo "prompts written to $(pwd)/en and $(pwd)/vi"
