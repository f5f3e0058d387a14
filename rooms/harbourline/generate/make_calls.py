"""Generate the recorded customer calls of the Harbourline sample room.

Run from the repository root:

    /work/venv/bin/python rooms/harbourline/generate/make_calls.py

Reads generate/call_scripts.toml and writes, for every call,
media/calls/<key>.opus, transcripts/<key>.(srt|vtt|txt), and finally
calls.toml. Needs espeak-ng, sox/soxi and opusenc on PATH.

Each turn of a dialogue is synthesised to its own WAV, its leading and
trailing silence trimmed, and its exact length read in samples. The call is
the turns joined with 300-600 ms pauses, so every caption's start and end
are exact sums of sample counts. The output is deterministic: the pauses
come from a hash of the call key and the Ogg serial number is fixed.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
import tomllib
import zlib
from pathlib import Path

ROOM = Path(__file__).resolve().parent.parent
SCRIPTS = ROOM / "generate" / "call_scripts.toml"
CALLS_DIR = ROOM / "media" / "calls"
TRANSCRIPTS_DIR = ROOM / "transcripts"
CALLS_TOML = ROOM / "calls.toml"

RATE = 22050            # espeak-ng's output rate; every intermediate WAV uses it
LEAD_IN_MS = 300        # silence before the first turn
TAIL_MS = 500           # silence after the last turn
PAUSE_MIN_MS, PAUSE_MAX_MS = 300, 600
BITRATE_KBPS = 24
MAX_BYTES = 1_000_000
SOX = ["sox", "-R", "-D", "-V1"]   # repeatable, no dither, errors only


def run(cmd: list[str]) -> str:
    result = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return result.stdout


def spoken(text: str) -> str:
    """Make written amounts speakable: espeak reads '£412' as 'pound 412'."""
    def money(m: re.Match) -> str:
        pounds, pence = m.group(1).replace(",", ""), m.group(2)
        return f"{pounds} pounds" + (f" {pence}" if pence else "")
    text = re.sub(r"£(\d[\d,]*)(?:\.(\d\d))?", money, text)
    return text.replace("%", " percent")


def pause_ms(key: str, index: int) -> int:
    span = PAUSE_MAX_MS - PAUSE_MIN_MS + 1
    return PAUSE_MIN_MS + zlib.crc32(f"{key}:{index}".encode()) % span


def samples(path: Path) -> int:
    return int(run(["soxi", "-s", str(path)]).strip())


def silence(path: Path, ms: int) -> int:
    count = RATE * ms // 1000
    run(SOX + ["-r", str(RATE), "-c", "1", "-n", "-b", "16", str(path),
               "trim", "0", f"{count}s"])
    return count


def synthesise(text: str, voice: dict, raw: Path, out: Path) -> int:
    """Speak one turn to `out`; return its length in samples."""
    run(["espeak-ng", "-v", voice["voice"], "-s", str(voice["speed"]),
         "-p", str(voice["pitch"]), "-w", str(raw), text])
    if int(run(["soxi", "-r", str(raw)]).strip()) != RATE:
        sys.exit(f"espeak-ng did not write {RATE} Hz audio for {voice['voice']}")
    # Trim the silence espeak leaves at both ends, then level every turn to
    # the same peak so the two voices sound equally loud.
    run(SOX + [str(raw), "-b", "16", str(out),
               "silence", "1", "0.01", "0.2%", "reverse",
               "silence", "1", "0.01", "0.2%", "reverse",
               "gain", "-n", "-3"])
    return samples(out)


def ogg_duration_ms(path: Path) -> float:
    """Playable length of an Ogg Opus file: (last granule - pre-skip) / 48 kHz."""
    data = path.read_bytes()
    pos, pre_skip, granule = 0, None, -1
    while pos < len(data):
        if data[pos:pos + 4] != b"OggS":
            sys.exit(f"{path}: not an Ogg page at byte {pos}")
        page_granule = struct.unpack_from("<q", data, pos + 6)[0]
        nsegs = data[pos + 26]
        body = pos + 27 + nsegs
        size = sum(data[pos + 27:body])
        if pre_skip is None and data[body:body + 8] == b"OpusHead":
            pre_skip = struct.unpack_from("<H", data, body + 10)[0]
        if page_granule >= 0:
            granule = page_granule
        pos = body + size
    if pre_skip is None or granule < 0:
        sys.exit(f"{path}: no Opus header or granule position")
    return (granule - pre_skip) * 1000 / 48000


def rms_amplitude(opus: Path, tmp: Path) -> float:
    """Decode the encoded file and measure its RMS amplitude (0..1)."""
    wav = tmp / "check.wav"
    run(["opusdec", "--quiet", str(opus), str(wav)])
    report = subprocess.run(["sox", str(wav), "-n", "stat"], capture_output=True,
                            text=True, check=True).stderr
    match = re.search(r"RMS\s+amplitude:\s+([\d.]+)", report)
    return float(match.group(1)) if match else 0.0


def stamp(ms: int, sep: str) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def write_transcript(path: Path, fmt: str, segments: list[tuple], end_ms: int) -> None:
    lines: list[str] = []
    if fmt == "srt":
        for n, (start, end, who, text) in enumerate(segments, 1):
            lines += [str(n), f"{stamp(start, ',')} --> {stamp(end, ',')}",
                      f"{who}: {text}", ""]
    elif fmt == "vtt":
        lines += ["WEBVTT", ""]
        for start, end, who, text in segments:
            lines += [f"{stamp(start, '.')} --> {stamp(end, '.')}",
                      f"<v {who}>{text}", ""]
    elif fmt == "txt":
        # A plain-text segment ends where the next begins (the last at end_ms).
        lines += [f"[{stamp(start, '.')}] {who}: {text}"
                  for start, _end, who, text in segments]
    else:
        sys.exit(f"unknown transcript format {fmt!r}")
    assert segments[-1][1] <= end_ms
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8", newline="\n")


def ms_of(sample_count: int) -> int:
    return round(sample_count * 1000 / RATE)


def build_call(call: dict, voices: dict, tmp: Path) -> dict:
    key = call["key"]
    customer = voices[call["customer"]]
    agent = dict(call["agent_voice"], label="Agent")
    parts: list[Path] = []
    segments: list[tuple] = []
    lead = tmp / "lead.wav"
    cursor = silence(lead, LEAD_IN_MS)
    parts.append(lead)
    for i, turn in enumerate(call["turns"]):
        who, text = turn[0], turn[1]
        say = turn[2] if len(turn) > 2 else text
        voice = agent if who == "agent" else customer
        if who not in ("agent", "customer"):
            sys.exit(f"{key}: turn {i + 1} has unknown speaker {who!r}")
        wav = tmp / f"turn{i:03d}.wav"
        count = synthesise(spoken(say), voice, tmp / "raw.wav", wav)
        segments.append((ms_of(cursor), ms_of(cursor + count), voice["label"], text))
        parts.append(wav)
        cursor += count
        gap = tmp / f"gap{i:03d}.wav"
        last = i == len(call["turns"]) - 1
        cursor += silence(gap, TAIL_MS if last else pause_ms(key, i))
        parts.append(gap)

    joined = tmp / "call.wav"
    run(SOX + [str(p) for p in parts] + [str(joined)])
    if samples(joined) != cursor:
        sys.exit(f"{key}: joined length {samples(joined)} != {cursor} samples")

    opus = CALLS_DIR / f"{key}.opus"
    run(["opusenc", "--quiet", "--speech", "--bitrate", str(BITRATE_KBPS),
         "--serial", str(zlib.crc32(key.encode()) & 0x7FFFFFFF),
         "--title", call["title"], "--artist", "Harbourline Insurance (sample call)",
         "--comment", f"DATE={call['recorded_on']}", str(joined), str(opus)])
    duration_ms = round(ogg_duration_ms(opus))
    expected = ms_of(cursor)
    if abs(duration_ms - expected) > 5:
        sys.exit(f"{key}: encoded length {duration_ms} ms, expected {expected} ms")
    size = opus.stat().st_size
    if size >= MAX_BYTES:
        sys.exit(f"{key}: {size} bytes is over the {MAX_BYTES} byte limit")
    rms = rms_amplitude(opus, tmp)
    if rms < 0.02:
        sys.exit(f"{key}: RMS amplitude {rms:.4f} looks like silence")

    fmt = call["transcript_format"]
    transcript = TRANSCRIPTS_DIR / f"{key}.{fmt}"
    write_transcript(transcript, fmt, segments, duration_ms)
    if not 45_000 <= duration_ms <= 100_000:
        print(f"warning: {key} is {duration_ms / 1000:.1f} s (want 45-100 s)")
    for p in tmp.iterdir():
        p.unlink()
    return {
        "key": key, "title": call["title"], "stage": call["stage"],
        "moment": call.get("moment"),
        "persona": call["customer"] if call["customer"] != "customer" else None,
        "kind": "audio", "file": opus.relative_to(ROOM).as_posix(),
        "duration_ms": duration_ms,
        "transcript": transcript.relative_to(ROOM).as_posix(),
        "consent": call["consent"], "recorded_on": call["recorded_on"],
        "summary": call["summary"],
        # Report-only fields (not written to calls.toml).
        "_bytes": size, "_rms": rms, "_last_end": segments[-1][1],
        "_turns": len(segments),
    }


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def write_calls_toml(entries: list[dict]) -> None:
    lines = ["# Recorded customer calls of the Harbourline sample room.",
             "# Generated by generate/make_calls.py from generate/call_scripts.toml;",
             "# edit the scripts and re-run the generator rather than this file.", ""]
    for entry in entries:
        lines.append("[[calls]]")
        for field, value in entry.items():
            if value is not None and not field.startswith("_"):
                lines.append(f"{field} = {toml_value(value)}")
        lines.append("")
    CALLS_TOML.write_text("\n".join(lines), encoding="utf-8", newline="\n")


def main() -> None:
    for tool in ("espeak-ng", "sox", "soxi", "opusenc", "opusdec"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} not found; install espeak-ng, sox and opus-tools")
    scripts = tomllib.loads(SCRIPTS.read_text(encoding="utf-8"))
    voices = scripts["voices"]
    CALLS_DIR.mkdir(parents=True, exist_ok=True)
    TRANSCRIPTS_DIR.mkdir(parents=True, exist_ok=True)
    entries = []
    with tempfile.TemporaryDirectory(prefix="harbourline-calls-") as tmpdir:
        for call in scripts["calls"]:
            entries.append(build_call(call, voices, Path(tmpdir)))
    write_calls_toml(entries)
    print(f"{'key':18} {'stage':7} {'moment':19} {'persona':8} {'secs':>6} "
          f"{'bytes':>7} {'rms':>6} transcript")
    for e in entries:
        print(f"{e['key']:18} {e['stage']:7} {e['moment']:19} {e['persona'] or '-':8} "
              f"{e['duration_ms'] / 1000:6.2f} {e['_bytes']:7d} {e['_rms']:6.3f} "
              f"{e['transcript']} (last cue ends {e['_last_end']} ms)")


if __name__ == "__main__":
    main()
