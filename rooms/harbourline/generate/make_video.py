"""Make the sample room's video interview: Priya talks to camera about her claim.

Frames are drawn with Pillow from her portrait (a slow zoom, a lower third, a speaking cue), the
voice is espeak-ng, and libVLC (python-vlc) encodes both to Ogg Theora/Vorbis. Writes
media/calls/priya-interview.ogv, transcripts/priya-interview.srt and videos.toml.
Needs espeak-ng and sox; run from the project root:
    .venv/bin/python rooms/harbourline/generate/make_video.py
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOM = Path(__file__).resolve().parents[1]
KEY = "priya-interview"
WIDTH, HEIGHT, FPS = 640, 360, 24
GAP_S = 0.5
LINES = (
    "My name is Priya. I run a bakery, and last winter the storm took half the roof off our house.",
    "I rang on the Monday. The assessor was booked for the Thursday, and I closed the shop to wait for him.",
    "Nobody came. Nobody rang. I closed the shop again the next week, and again nobody came.",
    "In the end my broker sorted it out, not you. I still do not know who I should have called.",
    "If I could change one thing, it would be this: tell me who is coming, and when, and then come.",
)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def speak(text: str, target: Path) -> float:
    subprocess.run(["espeak-ng", "-v", "en-gb-x-gbcwmd+f2", "-s", "165", "-p", "56", "-w", str(target), text],
                   check=True, capture_output=True)
    with wave.open(str(target), "rb") as audio:
        return audio.getnframes() / audio.getframerate()


def build_audio(folder: Path) -> list[tuple[float, float, str]]:
    """Speak each line, join them with pauses; return (start, end, text) per line."""
    parts, segments, clock = [], [], 0.6
    silence = folder / "gap.wav"
    subprocess.run(["sox", "-n", "-r", "22050", "-c", "1", str(silence), "trim", "0", str(GAP_S)], check=True)
    lead = folder / "lead.wav"
    subprocess.run(["sox", "-n", "-r", "22050", "-c", "1", str(lead), "trim", "0", "0.6"], check=True)
    parts.append(lead)
    for number, line in enumerate(LINES):
        spoken = folder / f"line{number}.wav"
        length = speak(line, spoken)
        segments.append((clock, clock + length, line))
        parts += [spoken, silence]
        clock += length + GAP_S
    subprocess.run(["sox", *map(str, parts), str(folder / "voice.wav")], check=True)
    return segments


def build_frames(folder: Path, segments: list[tuple[float, float, str]]) -> Path:
    """A YUV4MPEG2 file: the portrait, slowly zooming, with a lower third and a speaking cue."""
    portrait = Image.open(ROOM / "media" / "personas" / "priya.png").convert("RGB")
    title = ImageFont.truetype(FONT, 22)
    small = ImageFont.truetype(FONT, 15)
    total = segments[-1][1] + 0.8
    target = folder / "frames.y4m"
    with target.open("wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F{FPS}:1 Ip A1:1 C420jpeg\n".encode())
        for index in range(int(total * FPS)):
            second = index / FPS
            frame = Image.new("RGB", (WIDTH, HEIGHT), (24, 52, 64))
            size = int(300 + 20 * second / total)
            face = portrait.resize((size, size))
            frame.paste(face, (WIDTH // 2 - size // 2 + 120, HEIGHT // 2 - size // 2 + 10))
            draw = ImageDraw.Draw(frame)
            draw.rectangle((0, HEIGHT - 74, WIDTH, HEIGHT), fill=(11, 15, 20))
            draw.rectangle((0, HEIGHT - 74, 8, HEIGHT), fill=(18, 164, 180))
            draw.text((24, HEIGHT - 64), "Priya Raman", font=title, fill=(245, 247, 250))
            draw.text((24, HEIGHT - 34), "Bakery owner · customer since 2019 · interviewed March 2026", font=small,
                      fill=(195, 205, 214))
            if any(start <= second < end for start, end, _ in segments):
                draw.ellipse((WIDTH - 40, 20, WIDTH - 20, 40), fill=(255, 92, 92))
            y, u, v = frame.convert("YCbCr").split()
            out.write(b"FRAME\n" + y.tobytes() + u.resize((WIDTH // 2, HEIGHT // 2)).tobytes()
                      + v.resize((WIDTH // 2, HEIGHT // 2)).tobytes())
    return target


def encode(frames: Path, voice: Path, target: Path) -> None:
    import vlc

    instance = vlc.Instance("--quiet", "--no-sout-all")
    media = instance.media_new(str(frames))
    media.add_option(f":input-slave={voice}")
    media.add_option(f":sout=#transcode{{vcodec=theo,vb=350,acodec=vorb,ab=48,channels=1,samplerate=22050}}"
                     f":std{{access=file,mux=ogg,dst={target}}}")
    player = instance.media_player_new()
    player.set_media(media)
    finished = threading.Event()
    events = player.event_manager()
    events.event_attach(vlc.EventType.MediaPlayerEndReached, lambda _e: finished.set())
    events.event_attach(vlc.EventType.MediaPlayerEncounteredError, lambda _e: finished.set())
    player.play()
    if not finished.wait(300):
        raise SystemExit("encoding the video took too long")
    player.stop()


def srt_time(seconds: float) -> str:
    millis = int(round(seconds * 1000))
    return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d},{millis % 1000:03d}"


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        segments = build_audio(folder)
        frames = build_frames(folder, segments)
        target = ROOM / "media" / "calls" / f"{KEY}.ogv"
        encode(frames, folder / "voice.wav", target)
    duration_ms = int((segments[-1][1] + 0.8) * 1000)
    cues = [f"{n}\n{srt_time(start)} --> {srt_time(end)}\nPriya: {text}\n"
            for n, (start, end, text) in enumerate(segments, start=1)]
    (ROOM / "transcripts" / f"{KEY}.srt").write_text("\n".join(cues), encoding="utf-8")
    (ROOM / "videos.toml").write_text(f'''# Generated by generate/make_video.py: edit the script and run it again.
[[calls]]
key = "{KEY}"
title = "Video interview: 'Tell me who is coming, and when'"
stage = "claim"
moment = "claim-assessor"
persona = "priya"
kind = "video"
file = "media/calls/{KEY}.ogv"
duration_ms = {duration_ms}
transcript = "transcripts/{KEY}.srt"
consent = true
recorded_on = "2026-03-18"
summary = "Priya, in her own words, on the assessor who never came and what she would change."
''', encoding="utf-8")
    print(f"wrote {target.name} ({target.stat().st_size / 1e6:.2f} MB, {duration_ms / 1000:.1f} s)")


if __name__ == "__main__":
    main()
