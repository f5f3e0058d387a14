"""The persona and exercise walls drawn offscreen at 1080p and 4K, checked as the room would see them:
the photo where the photo goes (initials without one), the worst stage with the longest bar, the
clock turning amber past the customers' median, a page that cannot be read said so in words, every
leader's result listed once the exercise stops, and a clock that moves on by itself while it runs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QFont, QFontMetricsF, QImage

from customer_room_desktop.domain.meetings import Attendee
from customer_room_desktop.services.image_prep import ImageUnavailable
from customer_room_desktop.services.pdf_pages import PdfPages
from customer_room_desktop.services.walk_data import exercise_wall_data, persona_data
from customer_room_desktop.services.wall_data import Branding
from customer_room_desktop.storage.captures import start_session
from customer_room_desktop.storage.exercises import record_result, start_exercise, stop_exercise
from customer_room_desktop.storage.media_store import open_media
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.session_plans import plan_session
from customer_room_desktop.ui.walls import exercise_wall as exercise_module
from customer_room_desktop.ui.walls import persona_wall as persona_module
from customer_room_desktop.ui.walls.exercise_wall import AMBER, OUTCOME_COLOURS, ExerciseWall, exercise_page_box
from customer_room_desktop.ui.walls.persona_wall import WARM, PersonaWall, cover, initials
from customer_room_desktop.ui.walls.wall_style import BACKGROUND, TEXT, WallScale
from tests.ui.wall_pixels import is_colour, render_rgb

SIZES = [(1920, 1080), (3840, 2160)]
BRAND = "#12A4B4"
LEADERS = ["Ruth Adeyemi", "Hamish Rennie", "Sunita Bhatt", "Tom Achterberg", "Gemma Wardle", "Alistair Munro",
           "Leah Castellano", "Nikhil Sharma"]
RESULTS = [("finished", 580, "", "Page five lost me"), ("gave up", 900, "", "I would have phoned"),
           ("answered", 700, "Filled in Section D", "Page one says complete all sections"),
           ("finished", 842, "", ""), ("finished", 611, "", "Section E repeats Section A"),
           ("gave up", 1200, "", ""), ("finished", 1005, "", "The declaration hides on page 8"),
           ("answered", 1320, "Skipped Section E", "Nobody finishes this on a phone")]


@pytest.fixture
def branding():
    return Branding("Harbourline", BRAND)


@pytest.fixture
def exercise(sample_room_copy):
    """A real exercise on the claim form with eight leaders: (data while two results are in,
    data once all eight are in and it has stopped, the form's first page as an image)."""
    with RoomFile.open(sample_room_copy) as room:
        session = plan_session(room, "Claims walk", "workshop", date(2027, 1, 14), [Attendee(n) for n in LEADERS])
        start_session(room, session)
        run = start_exercise(room, session, "home-claim-form")
        for name, (outcome, seconds, answer, reaction) in list(zip(LEADERS, RESULTS))[:2]:
            record_result(room, run.id, name, outcome, seconds, answer, reaction)
        running = exercise_wall_data(room, run)
        for name, (outcome, seconds, answer, reaction) in list(zip(LEADERS, RESULTS))[2:]:
            record_result(room, run.id, name, outcome, seconds, answer, reaction)
        stopped = exercise_wall_data(room, stop_exercise(room, run.id))
        sha = room.db.execute("SELECT media_sha256 FROM artifacts WHERE key = 'home-claim-form'").fetchone()[0]
        page = PdfPages(open_media(room.db, sha).read()).render(0, QSize(*exercise_page_box(1920, 1080)))
    return running, stopped, page


def _crop(pixels: np.ndarray, box) -> np.ndarray:
    return pixels[int(box.top()) + 2:int(box.bottom()) - 2, int(box.left()) + 2:int(box.right()) - 2]


def _at(start: str, seconds: int) -> datetime:
    return datetime.fromisoformat(start[:19]) + timedelta(seconds=seconds)


@pytest.fixture
def drawn_texts(monkeypatch):
    """Every single-line text the exercise wall draws, with its box: what a reader would see."""
    seen: list[tuple[str, object]] = []
    original = exercise_module.draw_text

    def spy(painter, rect, text, font, colour, *args, **kwargs):
        seen.append((text, rect))
        return original(painter, rect, text, font, colour, *args, **kwargs)

    monkeypatch.setattr(exercise_module, "draw_text", spy)
    monkeypatch.setattr(persona_module, "draw_text", spy)  # section headings are drawn by the shared helper
    return seen


def _not_elided(text: str, font_units: float, rect, scale: float) -> bool:
    font = WallScale(round(1080 * scale)).font(font_units, QFont.Weight.Bold)
    return QFontMetricsF(font).horizontalAdvance(text) <= rect.width()


# --- the persona -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_the_persona_photo_fills_its_frame(qtbot, room, branding, size):
    data = persona_data(room, "maya")
    view = PersonaWall(branding)
    view.show_persona(data)
    pixels = render_rgb(qtbot, view, size)
    box = view.photo_box
    assert view.has_photo and box.width() > size[0] * 0.2 and box.height() > size[1] * 0.45  # large, not a thumbnail
    expected = cover(QImage.fromData(data.photo), round(box.width()), round(box.height()))
    expected = expected.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(expected.constBits(), np.uint8).reshape(expected.height(), expected.bytesPerLine() // 4, 4)
    want = np.array(raw[:, : expected.width(), 2::-1]).astype(int)
    inset = int(box.height() * 0.1)  # away from the rounded corners
    got = pixels[int(box.top()) + inset:int(box.top()) + want.shape[0] - inset,
                 int(box.left()) + inset:int(box.left()) + want.shape[1] - inset].astype(int)
    assert np.abs(got - want[inset:want.shape[0] - inset, inset:want.shape[1] - inset][:got.shape[0], :got.shape[1]]
                  ).mean() < 6
    corner = pixels[int(box.top()) + 1, int(box.left()) + 1]  # rounded: the wall shows in the very corner
    assert is_colour(corner[None], BACKGROUND, 12).all()


@pytest.mark.parametrize("photo", [b"", b"not a picture at all"])
def test_a_persona_without_a_photo_shows_initials(qtbot, room, branding, photo):
    data = replace(persona_data(room, "maya"), photo=photo)
    view = PersonaWall(branding)
    view.show_persona(data)
    pixels = render_rgb(qtbot, view, (1920, 1080))
    assert not view.has_photo and initials(data.name) == "MO"
    frame = _crop(pixels, view.photo_box)
    assert is_colour(frame, BRAND).mean() > 0.15  # the disc the initials sit on
    centre = _crop(pixels, view.photo_box.adjusted(view.photo_box.width() * 0.3, view.photo_box.height() * 0.35,
                                                  -view.photo_box.width() * 0.3, -view.photo_box.height() * 0.35))
    assert is_colour(centre, BACKGROUND, 10).sum() > 500  # the letters, dark on the disc
    with_photo = PersonaWall(branding)
    with_photo.show_persona(persona_data(room, "maya"))
    assert is_colour(_crop(render_rgb(qtbot, with_photo, (1920, 1080)), with_photo.photo_box), BRAND).mean() < 0.05


@pytest.mark.parametrize("size", SIZES)
def test_the_worst_stage_has_the_longest_bar_and_calls_are_ready_to_play(qtbot, room, branding, size):
    data = persona_data(room, "priya")
    view = PersonaWall(branding)
    view.show_persona(data)
    pixels = render_rgb(qtbot, view, size)
    widths = [bar.width() for bar in view.suffering_bars]
    assert len(widths) == len(data.suffering) >= 2
    assert widths == sorted(widths, reverse=True) and widths[0] > widths[-1]
    for (_, complaints, _), width in zip(data.suffering, widths):
        assert width / widths[0] == pytest.approx(complaints / data.suffering[0][1], abs=0.01)
    for bar in view.suffering_bars:  # drawn, in the warm colour, as long as measured
        line = pixels[int(bar.center().y()), int(bar.left()):int(bar.right()) + 6]
        assert abs(int(is_colour(line, WARM, 6).sum()) - bar.width()) <= 4
    assert len(view.call_boxes) == len(data.calls) == 3
    for box in view.call_boxes:  # a play disc in brand colour at the start of every call
        assert is_colour(pixels[int(box.top()):int(box.bottom()), int(box.left()):int(box.left() + box.height())],
                   BRAND).sum() > (size[1] / 1080) ** 2 * 800
        assert box.bottom() <= size[1] - size[1] / 1080 * 30


def test_frustrations_are_in_the_warm_accent_and_goals_are_not(qtbot, room, branding):
    view = PersonaWall(branding)
    view.show_persona(persona_data(room, "derek"))
    pixels = render_rgb(qtbot, view, (1920, 1080))
    assert len(view.frustration_boxes) == 2 and len(view.goal_boxes) == 2
    left = view.frustration_boxes[0].left()
    marks = pixels[int(view.frustration_boxes[0].top()):int(view.frustration_boxes[-1].bottom()),
                   int(left) - 40:int(left)]
    assert is_colour(marks, WARM, 20).sum() > 100
    goal_marks = pixels[int(view.goal_boxes[0].top()):int(view.goal_boxes[-1].bottom()), int(left) - 40:int(left)]
    assert is_colour(goal_marks, WARM, 20).sum() == 0 and is_colour(goal_marks, BRAND, 20).sum() > 50


def test_long_persona_text_stays_inside_the_wall(qtbot, room, branding):
    words = "Every single time I ring about my policy I am told something different by someone new"
    data = replace(persona_data(room, "maya"), name="Maya Okafor-Wilhelmina Montgomery-Smythe", quote=words * 3,
                   situation=words * 4, goals=(words,) * 4, frustrations=(words * 2,) * 4,
                   calls=persona_data(room, "maya").calls * 4)
    view = PersonaWall(branding)
    view.show_persona(data)
    pixels = render_rgb(qtbot, view, (1920, 1080))
    lit = ~is_colour(pixels, BACKGROUND, 12)
    assert lit[1080 - 28:].sum() == 0  # nothing below the bottom margin
    assert lit[200:, 1920 - 30:].sum() == 0  # nothing past the right margin
    assert view.name_box.right() <= 1920 and view.quote_box.bottom() < view.goal_boxes[0].top()
    assert 0 < len(view.call_boxes) < len(data.calls)  # the rest are counted, not crammed in


# --- the exercise, running -------------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_the_page_fills_the_left_and_the_clock_counts_from_the_start(qtbot, exercise, branding, size, drawn_texts):
    running, _, page = exercise
    view = ExerciseWall(branding)
    view.set_now(_at(running.started_at, 754))
    view.show_exercise(running, page, 0, 8)
    pixels = render_rgb(qtbot, view, size)
    box = view.artifact_box
    assert box.right() <= size[0] * 0.6 and box.height() > size[1] * 0.6
    assert is_colour(_crop(pixels, box), "#FFFFFF", 4).mean() > 0.5  # the white page itself
    texts = [text for text, _ in drawn_texts]
    assert "12:34" in texts and "page 1 of 8" in texts and "2 of 8 leaders done" in texts
    assert "Customers: median 23:00 · 31 % give up" in texts
    assert view.clock_box.left() > box.right()
    drawn_texts.clear()
    view.show_exercise(running, page, 0, 1)
    render_rgb(qtbot, view, size)
    assert not any(text.startswith("page ") for text, _ in drawn_texts)


@pytest.mark.parametrize("size", SIZES)
def test_the_clock_turns_amber_past_the_customers_median(qtbot, exercise, branding, size):
    running, _, page = exercise
    median = running.customer_median_seconds
    counts = {}
    for seconds in (median - 60, median + 62):
        view = ExerciseWall(branding)
        view.set_now(_at(running.started_at, seconds))
        view.show_exercise(running, page, 0, 8)
        clock = _crop(render_rgb(qtbot, view, size), view.clock_box)
        counts[seconds] = (is_colour(clock, AMBER, 6).sum(), is_colour(clock, TEXT, 6).sum(), view.clock_colour)
    before, after = counts[median - 60], counts[median + 62]
    big = (size[1] / 1080) ** 2 * 10000  # the digits are huge, not a stray pixel
    assert before[0] == 0 and before[1] > big and before[2] == TEXT
    assert after[0] > big and after[2] == AMBER


@pytest.mark.parametrize("size", SIZES)
def test_an_unreadable_page_says_why_and_the_task_still_runs(qtbot, exercise, branding, size, drawn_texts):
    running, _, page = exercise
    view = ExerciseWall(branding)
    view.set_now(_at(running.started_at, 200))
    view.show_exercise(running, ImageUnavailable("The picture could not be read: not an image."))
    pixels = render_rgb(qtbot, view, size)
    box = _crop(pixels, view.artifact_box)
    assert is_colour(box, "#FFFFFF", 4).sum() == 0  # no page
    assert is_colour(box, AMBER, 20).sum() > (size[1] / 1080) * 1500  # the dashed warning frame
    assert "The artifact cannot be shown" in [text for text, _ in drawn_texts]
    assert "3:20" in [text for text, _ in drawn_texts]
    assert is_colour(_crop(pixels, view.clock_box), TEXT, 6).sum() > (size[1] / 1080) ** 2 * 10000


def test_the_clock_repaints_itself_while_running_and_rests_when_stopped_or_hidden(qtbot, exercise, branding):
    running, stopped, page = exercise
    running = replace(running, started_at=(datetime.now() - timedelta(seconds=30)).isoformat(timespec="seconds"))

    class PaintCounter(QObject):
        paints = 0

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            return False

    view = ExerciseWall(branding)
    counter = PaintCounter()
    view.installEventFilter(counter)
    view.show_exercise(running, page, 0, 8)
    assert not view.timer.isActive()  # not shown yet: nothing to repaint
    render_rgb(qtbot, view, (1920, 1080))
    assert view.timer.isActive()
    start = counter.paints
    qtbot.waitUntil(lambda: counter.paints >= start + 2, timeout=3500)  # two seconds turned over, untouched
    view.hide()
    assert not view.timer.isActive()
    view.show()
    assert view.timer.isActive()
    view.show_exercise(stopped, page, 0, 8)
    assert not view.timer.isActive()


# --- the exercise, stopped -------------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_the_results_list_every_leader_against_the_customers(qtbot, exercise, branding, size, drawn_texts):
    _, stopped, page = exercise
    assert len(stopped.results) == 8
    view = ExerciseWall(branding)
    view.show_exercise(replace(stopped, history=()), page, 0, 8)  # the sample's May run would add a history
    pixels = render_rgb(qtbot, view, size)
    scale = size[1] / 1080
    assert len(view.result_boxes) == 8 and view.result_boxes[-1].bottom() <= size[1] - 30 * scale
    for result, box in zip(stopped.results, view.result_boxes):
        drawn = [rect for text, rect in drawn_texts if text == result.attendee]
        assert drawn and box.contains(drawn[0].center()), result.attendee
        assert _not_elided(result.attendee, 28, drawn[0], scale), result.attendee
        stripe = pixels[int(box.center().y()), int(box.left()) + 1:int(box.left() + 6 * scale)]
        assert is_colour(stripe, OUTCOME_COLOURS[result.outcome], 4).all(), result.attendee
    texts = [text for text, _ in drawn_texts]
    assert "9:40" in texts and "23:00" in texts  # a leader's time; the customers' median
    assert "4 of 8 finished" in texts and "31 % give up" in texts and "2 gave up · 2 gave an answer" in texts
    assert "WHAT COUNTS AS DONE" in texts and "CUSTOMERS' MOST COMMON WRONG ANSWER" in texts
    assert "EARLIER SESSIONS" not in texts
    assert view.leaders_box.right() < view.customers_box.left()
    assert abs(view.leaders_box.width() - view.customers_box.width()) < 1


def test_earlier_sessions_are_listed_only_when_there_are_some(qtbot, exercise, branding, drawn_texts):
    _, stopped, page = exercise
    view = ExerciseWall(branding)
    view.show_exercise(replace(stopped, history=(("May leadership room", "leaders: 2 of 9 finished"),)), page)
    render_rgb(qtbot, view, (1920, 1080))
    assert "EARLIER SESSIONS" in [text for text, _ in drawn_texts]


@pytest.mark.parametrize("make", ["persona", "running", "stopped"])
def test_a_4k_wall_is_the_same_layout_drawn_at_full_resolution(qtbot, room, exercise, branding, make):
    running, stopped, page = exercise
    pictures = []
    for size in SIZES:
        if make == "persona":
            view = PersonaWall(branding)
            view.show_persona(persona_data(room, "maya"))
        else:
            view = ExerciseWall(branding)
            view.set_now(_at(running.started_at, 754))
            view.show_exercise(running if make == "running" else stopped, page, 0, 8)
        pictures.append(render_rgb(qtbot, view, size))
    hd, uhd = pictures
    small = uhd.reshape(hd.shape[0], 2, hd.shape[1], 2, 3).mean(axis=(1, 3))
    assert np.abs(small - hd).mean() < 8
