"""The calls tab's "Add a call" form: a recording (picked, or dropped on the editor), its transcript (the one of
the same name beside it, or one chosen), whether the caller agreed to it being played, and the persona it is
from. What is wrong with a field is said in one sentence just under it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from ...services.folder_source import transcript_for

_ERROR_STYLE = "color: #B42318; font-weight: bold;"  # refused: nothing was added
_WARNING_STYLE = "color: #93370D; font-weight: bold;"  # added, though not quite as given
RECORDING_FILTER = ("Recordings (*.wav *.mp3 *.m4a *.aac *.ogg *.oga *.opus *.flac *.wma *.amr *.aif *.aiff *.caf "
                    "*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.wmv *.3gp *.mpg *.mpeg *.ts)")
TRANSCRIPT_FILTER = "Transcripts (*.srt *.vtt *.ass *.ssa *.txt)"


class AddCallForm(QGroupBox):
    add_requested = Signal(str, str, bool, str)  # recording path, transcript path ("": none), consent, persona key

    def __init__(self) -> None:
        super().__init__("Add a call")
        self.recording = QLineEdit(placeholderText="A sound or video file: .mp3, .wav, .m4a, .ogg, .mp4…")
        self.recording.editingFinished.connect(self._recording_set)
        self.transcript = QLineEdit(placeholderText="Optional: .srt, .vtt, .ass, .ssa or .txt")
        self.consent = QCheckBox("The caller agreed to the recording being played in the room")
        self.persona = QComboBox()
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.addRow("Recording", self._field("recording", self.recording, self._choose_recording))
        form.addRow("Transcript", self._field("transcript", self.transcript, self._choose_transcript))
        form.addRow("Consent", self.consent)
        form.addRow("Persona", self._field("persona", self.persona))
        self.add = QPushButton("Add the call")
        self.add.clicked.connect(self._add)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addStretch(1)
        form.addRow("", buttons)
        for name, field in (("recording", self.recording), ("transcript", self.transcript),
                            ("consent", self.consent), ("persona", self.persona)):
            field.setAccessibleName(f"The new call's {name}")

    def _field(self, name: str, editor: QWidget, choose=None) -> QWidget:  # noqa: ANN001 - a slot or None
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(editor, 1)
        if choose is not None:
            button = QPushButton("Choose…")
            button.clicked.connect(choose)
            row.addWidget(button)
        column.addLayout(row)
        error = QLabel(wordWrap=True, styleSheet=_ERROR_STYLE)
        error.hide()
        column.addWidget(error)
        self.errors[name] = error
        return holder

    def set_stage(self, name: str) -> None:
        self.setTitle(f"Add a call to the stage '{name}'" if name else "Add a call")

    def set_personas(self, choices: list[tuple[str, str]]) -> None:
        """(key, name) of the room's personas, "" first for none; the one chosen stays chosen."""
        chosen = self.persona.currentData()
        self.persona.clear()
        for key, name in choices:
            self.persona.addItem(name, key)
        self.persona.setCurrentIndex(max(0, self.persona.findData(chosen)))

    def set_recording(self, path: str) -> None:
        """A recording picked or dropped: its path, and the transcript of the same name beside it, if any."""
        self.transcript.clear()
        self.recording.setText(path)
        self._recording_set()

    def _recording_set(self) -> None:
        text = self.recording.text().strip()
        found = transcript_for(Path(text)) if text else None
        if found is not None and not self.transcript.text().strip():
            self.transcript.setText(str(found))

    def _choose_recording(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose the call's recording", "", RECORDING_FILTER)
        if chosen:
            self.set_recording(chosen)

    def _choose_transcript(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose the call's transcript", "", TRANSCRIPT_FILTER)
        if chosen:
            self.transcript.setText(chosen)

    def _add(self) -> None:
        self.clear_problems()
        self.add_requested.emit(self.recording.text().strip(), self.transcript.text().strip(),
                                self.consent.isChecked(), self.persona.currentData() or "")

    def show_problem(self, field: str, sentence: str, refused: bool = True) -> None:
        """One sentence under the field it concerns: a refusal, or (``refused`` False) what was added not
        quite as given."""
        label = self.errors.get(field, self.errors["recording"])
        label.setStyleSheet(_ERROR_STYLE if refused else _WARNING_STYLE)
        label.setText(sentence)
        label.show()

    def clear_problems(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def clear(self) -> None:
        """Ready for the next call (after one was added): the problems said of the last one stay."""
        self.recording.clear()
        self.transcript.clear()
        self.consent.setChecked(False)
        self.persona.setCurrentIndex(0)
