"""Exercise handouts: pages per copy, what the cover shows and hides, paper sizes, refusals, broken media."""

from __future__ import annotations

import dataclasses
import io

import pytest
from PIL import Image
from PySide6.QtPdf import QPdfDocument

from customer_room_desktop.app.qt_offscreen import ensure_gui_application
from customer_room_desktop.services import handout_pdf
from customer_room_desktop.services.handout_pdf import HandoutError, HandoutResult, write_handout
from customer_room_desktop.services.wall_data import WallDataSource
from customer_room_desktop.storage.exercises import task_of
from customer_room_desktop.storage.room_file import RoomFile


@pytest.fixture(scope="module")
def room(sample_room):
    ensure_gui_application()
    with RoomFile.open(sample_room, read_only=True) as opened:
        yield opened


def _read(path):
    """The PDF as QtPdf sees it: (document, text of each page with whitespace folded)."""
    document = QPdfDocument()
    document.load(str(path))
    assert document.status() == QPdfDocument.Status.Ready
    texts = [" ".join(document.getAllText(page).text().split()) for page in range(document.pageCount())]
    return document, texts


def _nothing_written(folder):
    return list(folder.iterdir()) == []


def test_claim_form_two_copies_has_a_cover_and_eight_pages_each(room, tmp_path):
    task = task_of(room, "home-claim-form")
    result = write_handout(room, "home-claim-form", tmp_path / "claim.pdf", copies=2)
    assert result == HandoutResult(tmp_path / "claim.pdf", pages=18, copies=2, artifact_pages=8)
    assert result.pages_per_copy == 9
    document, texts = _read(result.path)
    assert document.pageCount() == 18 == 2 * result.pages_per_copy
    cover, second_cover = texts[0], texts[9]
    for text in (cover, second_cover):
        assert "Try it yourself" in text
        assert task.title in text
        assert " ".join(task.text.split()) in text
        assert "Name" in text and "Time taken" in text
    whole = " ".join(texts)
    assert task.done_when not in whole and "Section D left blank" not in whole
    assert task.common_wrong_answer not in whole
    assert "Copy 1 of 2 · page 1 of 9 · Harbourline Insurance" in cover
    assert "Copy 2 of 2 · page 9 of 9" in texts[17]


def test_pdf_pages_are_rendered_sharp_and_kept_upright(room, tmp_path):
    result = write_handout(room, "settlement-letter", tmp_path / "settlement.pdf")
    document, _ = _read(result.path)
    assert document.pageCount() == 4
    for page in range(4):
        size = document.pagePointSize(page)
        assert size.height() > size.width()  # every sheet portrait, like the letter
    artifact = handout_pdf._Artifact(WallDataSource(room).artifact_focus("settlement-letter").media, True)
    image = artifact.page(0, handout_pdf.QSize(2291, 2291))
    drawn_inches = (210 - 2 * handout_pdf.MARGIN_MM) / 25.4  # at most the width between the margins
    assert image.width() / drawn_inches >= 200


def test_letter_and_a4_differ(room, tmp_path):
    a4 = write_handout(room, "renewal-notice", tmp_path / "a4.pdf", paper="a4")
    letter = write_handout(room, "renewal-notice", tmp_path / "letter.pdf", paper="Letter")
    a4_size, letter_size = _read(a4.path)[0].pagePointSize(0), _read(letter.path)[0].pagePointSize(0)
    assert (round(a4_size.width()), round(a4_size.height())) == (595, 842)
    assert (round(letter_size.width()), round(letter_size.height())) == (612, 792)
    assert a4.pages == letter.pages == 5


def test_an_image_artifact_gives_the_cover_and_one_page(room, tmp_path):
    result = write_handout(room, "payment-schedule", tmp_path / "schedule.pdf", copies=3)
    assert (result.pages, result.artifact_pages, result.pages_per_copy) == (6, 1, 2)
    _, texts = _read(result.path)
    assert "How much will be taken from Maya's bank account on 1 April?" in texts[0]
    assert "£69.25" not in " ".join(texts)


def test_a_wide_picture_gets_a_landscape_sheet(room, tmp_path, monkeypatch):
    picture = io.BytesIO()
    Image.new("RGB", (1600, 900), (240, 240, 240)).save(picture, "PNG")
    real = WallDataSource.artifact_focus
    monkeypatch.setattr(WallDataSource, "artifact_focus",
                        lambda self, key: dataclasses.replace(real(self, key), media=picture.getvalue(), is_pdf=False))
    document, _ = _read(write_handout(room, "payment-schedule", tmp_path / "wide.pdf").path)
    cover, sheet = document.pagePointSize(0), document.pagePointSize(1)
    assert cover.height() > cover.width() and sheet.width() > sheet.height()


@pytest.mark.parametrize("kwargs, sentence", [
    ({"paper": "a3"}, "Handouts can be printed on a4 or letter paper, not 'a3'."),
    ({"copies": 0}, "A handout can be printed in 1 to 200 copies, not 0."),
    ({"copies": 201}, "A handout can be printed in 1 to 200 copies, not 201."),
])
def test_bad_paper_or_copies_are_refused(room, tmp_path, kwargs, sentence):
    with pytest.raises(HandoutError) as refused:
        write_handout(room, "home-claim-form", tmp_path / "h.pdf", **kwargs)
    assert str(refused.value) == sentence
    assert _nothing_written(tmp_path)


@pytest.mark.parametrize("key, sentence", [
    ("quote-error", "“Quote error after 23 minutes” has no task, so there is no exercise to run on it."),
    ("no-such-thing", "There is no artifact 'no-such-thing' in this room."),
])
def test_artifacts_without_a_task_are_refused(room, tmp_path, key, sentence):
    with pytest.raises(HandoutError) as refused:
        write_handout(room, key, tmp_path / "h.pdf")
    assert str(refused.value) == sentence
    assert isinstance(refused.value, ValueError)
    assert _nothing_written(tmp_path)


def test_a_missing_folder_is_refused(room, tmp_path):
    with pytest.raises(HandoutError, match="does not exist"):
        write_handout(room, "payment-schedule", tmp_path / "nowhere" / "h.pdf")


@pytest.mark.parametrize("media, is_pdf", [(b"%PDF-1.7 not really a PDF", True), (b"\x89PNG garbage", False)])
def test_undecodable_media_still_gives_the_cover_and_a_placeholder(room, tmp_path, monkeypatch, media, is_pdf):
    real = WallDataSource.artifact_focus
    monkeypatch.setattr(WallDataSource, "artifact_focus",
                        lambda self, key: dataclasses.replace(real(self, key), media=media, is_pdf=is_pdf))
    result = write_handout(room, "home-claim-form", tmp_path / "broken.pdf", copies=2)
    assert (result.pages, result.artifact_pages) == (4, 1)
    assert result.problem
    document, texts = _read(result.path)
    assert document.pageCount() == 4
    assert "Fill in this form for a burst pipe under Maya's kitchen sink." in texts[0]
    assert "This artifact could not be printed." in texts[1]
    assert f"because {result.problem.split(' (')[0]}." in texts[1]
    assert "BytesIO" not in texts[1]


def test_media_missing_from_the_room_gives_a_placeholder(room, tmp_path, monkeypatch):
    def missing(self, key):
        raise KeyError("no medium in this room")

    monkeypatch.setattr(WallDataSource, "artifact_focus", missing)
    result = write_handout(room, "renewal-notice", tmp_path / "missing.pdf")
    assert (result.pages, result.problem) == (2, "its file is missing from the room")


def test_a_failure_while_writing_leaves_nothing_behind(room, tmp_path, monkeypatch):
    def broken(*args):
        raise RuntimeError("the painter fell over")

    monkeypatch.setattr(handout_pdf, "_draw_image", broken)
    with pytest.raises(RuntimeError):
        write_handout(room, "home-claim-form", tmp_path / "h.pdf")
    assert _nothing_written(tmp_path)


def test_an_existing_file_is_replaced_whole(room, tmp_path):
    target = tmp_path / "h.pdf"
    target.write_bytes(b"old")
    write_handout(room, "payment-schedule", target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["h.pdf"]


def test_the_handout_command_prints_copies_or_refuses_in_one_sentence(sample_room, tmp_path, capsys):
    from customer_room_desktop.app.cli import main

    output = tmp_path / "claim-form.pdf"
    assert main(["handout", str(sample_room), "--artifact", "home-claim-form", "--copies", "3", "--paper", "letter",
                 "-o", str(output)]) == 0
    assert "(27 pages)" in capsys.readouterr().out and output.read_bytes()[:5] == b"%PDF-"
    assert main(["handout", str(sample_room), "--artifact", "home-claim-form", "--paper", "a3",
                 "-o", str(tmp_path / "a3.pdf")]) == 2
    error = capsys.readouterr().err.strip()
    assert "not 'a3'" in error and len(error.splitlines()) == 1 and not (tmp_path / "a3.pdf").exists()


def test_a_full_disk_leaves_the_last_handout_and_says_so_in_one_sentence(room, tmp_path, monkeypatch):
    import errno

    from customer_room_desktop.storage.errors import DiskFullError

    target = tmp_path / "claim.pdf"
    target.write_bytes(b"last week's handout")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("customer_room_desktop.services.file_output.os.fsync", full)  # a disk that fills at close
    with pytest.raises(DiskFullError) as refused:
        write_handout(room, "payment-schedule", target)
    assert str(refused.value) == (f"The disk holding {tmp_path} is full: the handout was not written; "
                                  "free some space and try again.")
    assert target.read_bytes() == b"last week's handout"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["claim.pdf"]
