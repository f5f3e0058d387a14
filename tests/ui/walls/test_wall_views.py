import io
import sqlite3

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from customer_room_desktop.app.cli import main
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.app.wall_render import grab_widget
from customer_room_desktop.services.image_prep import (
    ImageUnavailable, PreparedImages, decode_first_page, decode_picture,
)
from customer_room_desktop.services.wall_data import WallDataSource
from customer_room_desktop.storage.journey_queries import list_artifacts
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.domain.legibility import Tier
from customer_room_desktop.ui.walls.stage_panel import thumbnails_shown
from customer_room_desktop.ui.walls.wall_style import ROOM_TEXT, WallScale
from tests.ui.walls.text_recorder import texts_drawn

SIZE = (1920, 1080)


def _looks_drawn(image: QImage, size=SIZE) -> None:
    """A real wall: the right size, the brand bar along the top, and more than a few colours."""
    assert (image.width(), image.height()) == size
    assert image.pixelColor(size[0] // 2, 2) == QColor("#12A4B4")
    colours = {image.pixel(x, y) for x in range(0, size[0], 37) for y in range(0, size[1], 29)}
    assert len(colours) > 20


@pytest.mark.parametrize("position", range(1, 8))
def test_every_stage_panel_renders_with_its_own_stage(qtbot, factory, position, tmp_path):
    widget = factory.build(f"stage:{position}", SIZE)
    assert widget.data.position == position
    assert widget.data.name == factory.source.stages[position - 1].name
    # one decoded picture for every artifact the wall shows (every stage of the sample room has some), and
    # none decoded for those it leaves to the artifact view
    assert widget.data.artifacts
    assert set(widget.thumbnails) == {a.media_sha256 for a in thumbnails_shown(widget.data.artifacts)}
    assert all(isinstance(image, QImage) for image in widget.thumbnails.values())
    image = grab_widget(widget, SIZE)
    _looks_drawn(image)
    image.save(str(tmp_path / f"stage-{position}.png"))


def test_the_stage_wall_shows_the_few_things_the_room_reads_and_the_verbatim_rotates(qtbot, factory):
    """From 5 m: at most three KPIs (the least reliable), the top three complaint categories, two
    thumbnails (those with a task first) and one customer's words at the room tier, rotating."""
    from customer_room_desktop.services.wall_data import KpiTile
    from customer_room_desktop.ui.walls.stage_panel import thumbnails_shown
    from customer_room_desktop.ui.walls.stage_tiles import tiles_shown
    from customer_room_desktop.ui.walls.wall_style import ROOM_TEXT

    kpis = tuple(KpiTile(f"moment {n}", "name", "%", 50.0, 60.0, level, ())
                 for n, level in enumerate(("reliable", "unreliable", "at risk", "reliable", "unreliable")))
    assert [k.moment for k in tiles_shown(kpis)] == ["moment 1", "moment 2", "moment 4"]  # in journey order
    widget = factory.build("stage:5", SIZE)
    assert [a.has_task for a in thumbnails_shown(widget.data.artifacts)] == [True, True]
    grab_widget(widget, SIZE)
    first = widget.quote_text
    assert first.startswith("“") and first.endswith("”") and widget.quote_box.height() > 2 * ROOM_TEXT
    widget.next_verbatim()
    grab_widget(widget, SIZE)
    assert widget.verbatim_index == 1 and widget.quote_text and widget.quote_text != first


@pytest.mark.parametrize("view", [f"complaints:{n}" for n in range(1, 8)] + ["journey", "journey:1-3", "journey:4-7"])
def test_complaints_and_journey_views_render(qtbot, factory, view):
    _looks_drawn(grab_widget(factory.build(view, SIZE), SIZE))


def test_every_artifact_renders_on_a_whole_wall(qtbot, factory):
    artifacts = list_artifacts(factory.source.room.db)
    assert len(artifacts) >= 30
    for artifact in artifacts:
        widget = factory.build(f"artifact:{artifact.key}", SIZE)
        assert isinstance(widget.image, QImage), f"{artifact.key}: {widget.image}"
        assert widget.data.title == artifact.title


def test_pdf_pages_turn(qtbot, factory):
    first = factory.build("artifact:renewal-notice", SIZE)
    third = factory.build("artifact:renewal-notice:3", SIZE)
    assert (first.page, third.page, third.page_count) == (0, 2, 4)
    assert first.image != third.image


def test_blackout_is_black_and_logo_shows_the_room(qtbot, factory):
    black = grab_widget(factory.build("blackout", SIZE), SIZE)
    assert {black.pixelColor(x, y).name() for x in (0, 960, 1919) for y in (0, 540, 1079)} == {"#000000"}
    logo = grab_widget(factory.build("logo", SIZE), SIZE)
    assert logo.pixelColor(960, 540) != QColor("#000000") or logo.pixelColor(700, 540) != QColor("#000000")


def test_text_scales_with_the_wall_height():
    assert WallScale(2160).font(30).pixelSize() == 2 * WallScale(1080).font(30).pixelSize()
    assert WallScale(1080).font(8).pixelSize() == 25  # nothing smaller than the walk-up tier
    assert WallScale(1080).font(30, tier=Tier.ROOM).pixelSize() == 61  # what the room reads from its seats
    assert WallScale(2160).font(30, tier=Tier.ROOM).pixelSize() == 122


def test_verbatims_on_walls_are_masked_unless_the_room_turns_it_off(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        claim = WallDataSource(room).stage_panel("claim")
        assert any("[phone]" in text or "[name]" in text or "[number]" in text for text in claim.verbatims)
        assert not any("07700" in text or "@" in text for text in claim.verbatims)
        with room.transaction() as db:
            db.execute("UPDATE room SET mask_verbatims = 0")
        raw = WallDataSource(room).stage_panel("claim")
        assert any("07700" in text or "@" in text or "HBL-" in text for text in raw.verbatims)


def test_zoom_and_pan_stay_within_bounds(qtbot, factory):
    focus = factory.build("artifact:delivery-card", SIZE)
    focus.resize(*SIZE)
    focus.pan_by(100, 0)
    assert focus.offset.x() == 0  # nothing to pan at whole-page size
    for _ in range(20):
        focus.zoom_by(1.25)
    assert focus.zoom == 6.0
    focus.pan_by(100, 50)
    assert (focus.offset.x(), focus.offset.y()) == (100, 50)
    focus.zoom_by(0.01)
    assert focus.zoom == 1.0 and focus.offset.x() == 0


@pytest.mark.parametrize("content, words", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "^the picture is damaged or cut short$"),
    (b"GIF89a-not-really", "^the picture is damaged or cut short$"),
    (b"plain words, not a picture", "^the file is not a picture or PDF this room can show$"),
    (b"%PDF-1.4\n%garbage that is not a pdf", "^the file is cut short$"),
])
def test_undecodable_artifacts_give_a_reason(qtbot, content, words):
    with pytest.raises(ImageUnavailable, match=words):
        decode_first_page(content, QSize(200, 200))


def test_a_decompression_bomb_is_refused_without_decoding(qtbot):
    bomb = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(bomb, "PNG")  # 144 megapixels, a few KB on disk
    with pytest.raises(ImageUnavailable, match="too large to open safely"):
        decode_picture(bomb.getvalue(), QSize(200, 200))


def test_exif_orientation_is_applied(qtbot):
    buffer = io.BytesIO()
    image = Image.new("RGB", (200, 100), "red")
    exif = image.getexif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    image.save(buffer, "JPEG", exif=exif)
    upright = decode_picture(buffer.getvalue(), QSize(1000, 1000))
    assert (upright.width(), upright.height()) == (200, 400)  # rotated, then enlarged at most 2x


def test_a_corrupt_artifact_shows_a_placeholder_and_the_rest_of_the_wall(qtbot, sample_room_copy, tmp_path):
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        shown = thumbnails_shown(WallFactory(room).stage_data(5).artifacts)
    broken_key = shown[0].key  # one of the thumbnails the stage wall shows
    conn = sqlite3.connect(sample_room_copy)
    conn.execute("UPDATE media_chunks SET data = X'89504E470D0A1A0A0000' WHERE media_id = "
                 "(SELECT m.id FROM media m JOIN artifacts a ON a.media_sha256 = m.sha256 WHERE a.key = ?)",
                 (broken_key,))
    conn.commit()
    conn.close()
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        factory = WallFactory(room, PreparedImages())
        panel = factory.build("stage:5", SIZE)
        broken = [v for v in panel.thumbnails.values() if isinstance(v, ImageUnavailable)]
        assert len(broken) == 1 and str(broken[0]) == "the picture is damaged or cut short"
        assert sum(isinstance(v, QImage) for v in panel.thumbnails.values()) == len(shown) - 1
        _looks_drawn(grab_widget(panel, SIZE))
        focus = factory.build(f"artifact:{broken_key}", SIZE)
        assert isinstance(focus.image, ImageUnavailable)
        said = " ".join(text.text for text in texts_drawn(focus, SIZE))
        assert "damaged or cut short" in said  # the artifact wall says why, in words


def test_render_command_writes_the_png_and_refuses_unknown_views(qtbot, sample_room, tmp_path, capsys):
    output = tmp_path / "walls" / "stage3-4k.png"
    assert main(["render", str(sample_room), "--view", "stage:3", "--size", "3840x2160", "-o", str(output)]) == 0
    assert Image.open(output).size == (3840, 2160)
    assert main(["render", str(sample_room), "--view", "stage:9", "-o", str(tmp_path / "x.png")]) == 2
    assert "no stage '9'" in capsys.readouterr().err
    assert main(["render", str(sample_room), "--view", "poster", "-o", str(tmp_path / "x.png")]) == 2
    assert main(["render", str(sample_room), "--view", "artifact:nope", "-o", str(tmp_path / "x.png")]) == 2
    assert main(["render", str(sample_room), "--view", "journey", "--size", "big", "-o", str(tmp_path / "x.png")]) == 2


def test_prepared_images_stay_within_their_byte_budget(qtbot):
    picture = io.BytesIO()
    Image.new("RGB", (400, 300), "navy").save(picture, "PNG")
    data = picture.getvalue()
    images = PreparedImages(budget_bytes=3 * 400 * 300 * 2)  # three 16-bit pictures of this size
    for number in range(6):
        images.prepare(f"sha-{number}", lambda _: data, 0, QSize(400, 300))
    kept = [n for n in range(6) if images.get(f"sha-{n}", 0, QSize(400, 300)) is not None]
    assert kept == [3, 4, 5]  # the least recently used went first


def test_call_view_shows_the_line_being_said_and_the_one_before(qtbot, factory):
    view = factory.build("call:burst-pipe@24", SIZE)
    segments = view.data.segments
    assert segments[view.caption].start_ms <= 24_000 < segments[view.caption + 1].start_ms
    _looks_drawn(grab_widget(view, SIZE))
    view = factory.build("call:burst-pipe", SIZE)
    assert view.caption is None  # before the first line: the summary is shown
    from customer_room_desktop.app.wall_render import ViewSpecError

    with pytest.raises(ViewSpecError, match="no call 'nobody'"):
        factory.build("call:nobody", SIZE)


def test_call_captions_are_read_from_the_seats_at_one_size_for_the_whole_call(qtbot, factory):
    """Every line of a call at the room tier and the same size (the words do not jump as it plays); the
    line before runs on one line above the box, ending with the words just said."""
    sizes, boxes = set(), set()
    for seconds in (5, 24, 45, 60, 80):
        view = factory.build(f"call:burst-pipe@{seconds}", SIZE)
        grab_widget(view, SIZE)
        sizes.add(view.caption_units)
        boxes.add((round(view.caption_box.top()), round(view.caption_box.height())))
    assert len(sizes) == 1 and sizes.pop() >= ROOM_TEXT
    assert len(boxes) == 1  # the box stays put from line to line
