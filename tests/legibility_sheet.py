"""A contact sheet of every wall view of the sample room at 1080p, blurred as a leader 5 m from a 65-inch
wall sees it, to look at by eye (issue 19).

    python -m tests.legibility_sheet OUT_FOLDER

Visual acuity of one arc-minute (20/20 vision) at 5 m resolves 1.45 mm; a 65-inch 1080p wall has
pixels 0.75 mm apart, so one arc-minute spans about 1.9 pixels. Each view is blurred with a Gaussian of
that standard deviation (a little harsher than the eye, on purpose) and written whole, and the sheet
puts them side by side at half size with their names.
"""

from __future__ import annotations

import math
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from customer_room_desktop.domain.legibility import ROOM_DISTANCE_M, image_height_m

WALL = (1920, 1080)
COLUMNS = 4


def arc_minute_pixels(distance_m: float = ROOM_DISTANCE_M, wall_pixels_high: int = WALL[1]) -> float:
    return distance_m * math.tan(math.radians(1 / 60)) / (image_height_m() / wall_pixels_high)


def render_views(room: Path, folder: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from customer_room_desktop.app.wall_factory import WallFactory
    from customer_room_desktop.app.wall_render import grab_widget
    from customer_room_desktop.storage.room_file import RoomFile
    from tests.ui.walls.room_tier_oracle import VIEW_KINDS

    _app = QApplication.instance() or QApplication([])
    pictures = []
    with RoomFile.open(room, read_only=True) as opened:
        factory = WallFactory(opened)
        for specs, _ in VIEW_KINDS.values():
            for spec in specs(factory):
                path = folder / f"{spec.replace(':', '_').replace('@', '_at_')}.png"
                grab_widget(factory.build(spec, WALL), WALL).save(str(path))
                pictures.append(path)
    return pictures


def blurred_sheet(pictures: list[Path], out: Path) -> Path:
    radius = arc_minute_pixels()
    out.mkdir(parents=True, exist_ok=True)
    thumb = (WALL[0] // 2, WALL[1] // 2)
    rows = math.ceil(len(pictures) / COLUMNS)
    sheet = Image.new("RGB", (COLUMNS * thumb[0], rows * (thumb[1] + 40)), "white")
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=28)
    for index, picture in enumerate(pictures):
        seen = Image.open(picture).convert("RGB").filter(ImageFilter.GaussianBlur(radius))
        seen.save(out / f"blurred-{picture.name}")
        x, y = (index % COLUMNS) * thumb[0], (index // COLUMNS) * (thumb[1] + 40)
        sheet.paste(seen.resize(thumb, Image.Resampling.LANCZOS), (x, y + 40))
        draw.text((x + 8, y + 4), picture.stem, fill="black", font=font)
    sheet_path = out / "contact-sheet.png"
    sheet.save(sheet_path)
    return sheet_path


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("legibility-sheet")
    from customer_room_desktop.app.paths import sample_room_source
    from customer_room_desktop.services.room_builder import build_room

    with tempfile.TemporaryDirectory() as work:
        room = Path(work) / "sample.croom"
        build_room(sample_room_source(), room)
        views = Path(work) / "views"
        views.mkdir()
        sheet = blurred_sheet(render_views(room, views), out)
    print(f"Blurred by {arc_minute_pixels():.2f} px (one arc-minute at {ROOM_DISTANCE_M:g} m): {sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
