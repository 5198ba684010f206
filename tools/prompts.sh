#!/usr/bin/env bash
# Makes the voice prompts Bulwark plays to callers (a route's PIN) with espeak-ng from Debian, as
# 8 kHz mono G.711 mu-law WAV, small enough to travel in one rtpengine command. The files are kept in
# the repository; run this after changing a text:  bash tools/prompts.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/pbx-sip-app/src/main/resources/io/bulwark/pbx/sip/call/prompts
command -v espeak-ng >/dev/null || apt-get install -y -q espeak-ng >/dev/null
declare -A TEXT=(
  [enter-pin]="Please enter your PIN, then press the hash key."
  [wrong-pin]="That PIN is not valid. Please try again."
  [goodbye]="That PIN is not valid. Goodbye."
)
mkdir -p "$OUT"
for name in "${!TEXT[@]}"; do
  raw=$(mktemp --suffix=.wav)
  espeak-ng -v en-us -s 150 -w "$raw" "${TEXT[$name]}"
  python3 - "$raw" "$OUT/$name.wav" <<'PY'
import sys, wave
src = wave.open(sys.argv[1], "rb")
rate, width, frames = src.getframerate(), src.getsampwidth(), src.readframes(src.getnframes())
assert width == 2 and src.getnchannels() == 1
samples = [int.from_bytes(frames[i:i + 2], "little", signed=True) for i in range(0, len(frames), 2)]
step = rate / 8000
out = bytearray()
position = 0.0
while int(position) < len(samples):
    # Averaging the source samples a target sample spans: a simple low-pass before decimation.
    first, last = int(position), min(len(samples), int(position + step) + 1)
    value = sum(samples[first:last]) // (last - first)
    out += int(value).to_bytes(2, "little", signed=True)
    position += step
# G.711 mu-law (what phones talk anyway): half the bytes of 16-bit PCM.
import audioop
law = audioop.lin2ulaw(bytes(out), 2)
fmt = (7).to_bytes(2, "little") + (1).to_bytes(2, "little") + (8000).to_bytes(4, "little")
fmt += (8000).to_bytes(4, "little") + (1).to_bytes(2, "little") + (8).to_bytes(2, "little")
fmt += (0).to_bytes(2, "little")
body = b"WAVE" + b"fmt " + len(fmt).to_bytes(4, "little") + fmt
body += b"fact" + (4).to_bytes(4, "little") + len(law).to_bytes(4, "little")
body += b"data" + len(law).to_bytes(4, "little") + law + (b"\0" if len(law) % 2 else b"")
open(sys.argv[2], "wb").write(b"RIFF" + len(body).to_bytes(4, "little") + body)
PY
  rm -f "$raw"
done
ls -l "$OUT"
