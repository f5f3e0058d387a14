"""Shared fixtures. Qt must be told to draw offscreen before anything imports it."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app keeps per-user state (screen identities, the rooms it verified, the demo room); the tests keep
# theirs in a private folder, never in the developer's own.
os.environ.setdefault("CUSTOMER_ROOM_DATA_DIR", tempfile.mkdtemp(prefix="customer-room-tests-"))

import shutil  # noqa: E402
import textwrap  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from customer_room_desktop.app.paths import sample_room_source  # noqa: E402
from customer_room_desktop.services.room_builder import build_room  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _collections_on_the_main_thread(qapp):
    """Garbage collected on the main thread only, as the app does (services.main_thread_gc)."""
    from customer_room_desktop.services.main_thread_gc import collect_on_main_thread

    collector = collect_on_main_thread(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def _collect_between_tests(_collections_on_the_main_thread):
    """A test that never runs the event loop still has its garbage collected, on the main thread."""
    yield
    _collections_on_the_main_thread.collect_if_due()


@pytest.fixture(scope="session")
def sample_room(tmp_path_factory) -> Path:
    """The bundled sample room, built once per test run. Tests must not change it."""
    path = tmp_path_factory.mktemp("sample") / "harbourline.croom"
    build_room(sample_room_source(), path)
    return path


@pytest.fixture
def sample_room_copy(sample_room, tmp_path) -> Path:
    """A private copy of the sample room that a test may change."""
    copy = tmp_path / "copy.croom"
    shutil.copyfile(sample_room, copy)
    return copy


@pytest.fixture
def room(sample_room_copy):
    """A private copy of the sample room, open for writing."""
    from customer_room_desktop.storage.room_file import RoomFile

    with RoomFile.open(sample_room_copy) as opened:
        yield opened


@pytest.fixture
def tiny_source(tmp_path) -> Path:
    """A small hand-made room source: two stages, one KPI, one image, three complaints."""
    from PIL import Image

    folder = tmp_path / "tiny"
    (folder / "media").mkdir(parents=True)
    (folder / "data").mkdir()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(folder / "media" / "letter.png")
    (folder / "room.toml").write_text(textwrap.dedent("""
        format = 1
        [room]
        name = "Tiny Room"
        [data]
        complaints = "data/complaints.csv"
        [[silos]]
        key = "claims"
        name = "Claims"
        [[stages]]
        key = "buy"
        name = "I buy"
        goal = "Be covered"
        [[stages]]
        key = "claim"
        name = "I claim"
        goal = "Be paid"
        [[moments]]
        key = "claim-report"
        stage = "claim"
        name = "I report it"
        silos = ["claims"]
        [[kpis]]
        key = "report-minutes"
        moment = "claim-report"
        name = "Minutes to report"
        unit = "min"
        direction = "lower"
        target = 15
        at_risk = 20
        failing = 30
        [[artifacts]]
        key = "letter"
        title = "A letter"
        kind = "letter"
        stage = "claim"
        file = "media/letter.png"
    """), encoding="utf-8")
    (folder / "data" / "complaints.csv").write_text(
        "received_on,source,category,stage,moment,verbatim,customer_ref,customer_name,value\n"
        "2026-01-05,E-mail,Slow,claim,claim-report,It took ages,C1,Ann Lee,300\n"
        "2026-02-05,Call centre,Slow,claim,,Still waiting,C2,Bob Roe,\n"
        "2026-02-06,Web feedback,Price,buy,,Too dear,C3,Cy Poe,120\n",
        encoding="utf-8")
    return folder
