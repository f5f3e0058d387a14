"""The console's "Phones" switch: the phones' server (phone_bridge.py) turned on and off from the Phones tab
(ui/console/phones_panel.py), its codes, PIN and vote shown there, a takeover asked there.

Nothing listens, and aiohttp is not even imported, until the switch is turned on (or the room is opened
with ``--phones``). Turning it on again on the same address uses the same port when it is still free, so
codes phones already scanned keep working. The server stops when the switch is turned off, and before the
live room shuts down: run_room stops it first, and so does the application's last moment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from ..domain import room_commands as cmd
from ..domain.refusal import Refusal
from ..domain.room_changes import Changed, Changes
from ..domain.room_state import RoomState, WallState
from ..domain.wall_views import ViewData, view_named
from .live_room import LiveRoom

if TYPE_CHECKING:
    from ..services.interface_addresses import InterfaceAddress
    from ..ui.console.phones_panel import PhonesPanel
    from .phone_bridge import PhoneBridge

VOTE_PHASES = {
    "waiting": "The vote is not open yet.",
    "open": "The vote is open: leaders place their dots on their phones.",
    "closed": "The vote is closed; the phones do not see the totals yet.",
    "revealed": "The totals are shown on the phones and the tally wall.",
}
VOTE_FOLLOWS = {Changed.SESSION, Changed.SESSION_DATA}  # attendees, the session opening or closing


def address_label(entry: InterfaceAddress) -> str:
    return f"{entry.address} (this laptop only)" if entry.loopback else entry.label


class PhoneSwitch(QObject):
    """Between the Phones tab and the phones' server; the bridge is made the first time it is turned on.

    The tab's panel is made the first time the tab is opened, or when the phones are turned on from the
    command line (``panel`` makes it): it cost the console's build 16 ms at every start."""

    def __init__(self, live: LiveRoom):
        super().__init__(live)
        self.live = live
        self.bridge: PhoneBridge | None = None
        self._last: tuple[str, int] = ("", 0)  # where it listened last: the same port when turned on again
        live.console.panels.built.connect(self._panel_made)
        if live.console.panels.has("phones"):
            self._panel_made("phones")
        live.changed.connect(self._room_changed)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.turn_off)  # before the live room shuts down, however the room closes

    @property
    def panel(self) -> PhonesPanel:
        """The Phones tab's panel, made now if it was not yet."""
        return self.live.console.phones_panel

    def _panel_made(self, name: str) -> None:
        """The Phones tab's panel was just made: follow what it asks, and show what is so."""
        if name != "phones":
            return
        panel = self.panel
        panel.switched.connect(self._switched)
        panel.vote_requested.connect(self._vote)
        panel.take_back_requested.connect(lambda: self._try(lambda bridge: bridge.release_controller()))
        panel.takeover_answered.connect(lambda yes: self._try(lambda bridge: bridge.answer_takeover(yes)))
        panel.wall_requested.connect(self.show_on_wall)
        panel.opened.connect(self.show_addresses)  # each time the tab is shown: see show_addresses
        if self.running:
            self._started("")

    @property
    def running(self) -> bool:
        return self.bridge is not None and self.bridge.running

    def show_addresses(self) -> None:
        """List this computer's addresses on the tab. Done each time the tab is opened, not while the room
        starts: away from Linux the list asks the system to resolve the computer's name, which can take
        seconds on a badly configured network, and on Linux it costs the room's start 6 ms."""
        from ..services.interface_addresses import interface_addresses

        self.panel.show_addresses([(address_label(a), a.address) for a in interface_addresses()])

    # -- the switch ------------------------------------------------------------------------------------------
    def turn_on(self, address: str, port: int = 0) -> str:
        """Listen on ``address`` (and ``port``; 0: the last port used there, else a free one); return the
        facilitator's page address. A Refusal says why it cannot."""
        bridge = self.made_bridge()
        last_address, last_port = self._last
        if port == 0 and address == last_address and last_port:
            try:
                return bridge.start(address, last_port)
            except Refusal:
                pass  # the port was taken meanwhile: any free one, with new codes
        return bridge.start(address, port)

    def turn_off(self) -> None:
        if self.bridge is not None:
            self.bridge.stop()

    def made_bridge(self) -> PhoneBridge:
        """The bridge, made (and followed) the first time it is needed."""
        if self.bridge is None:
            from .phone_bridge import phone_bridge_for  # aiohttp and segno load only now

            bridge = phone_bridge_for(self.live)
            bridge.started.connect(self._started)
            bridge.stopped.connect(self._stopped)
            bridge.codes_changed.connect(self._show_codes)
            bridge.vote_changed.connect(self._show_vote)
            bridge.takeover_requested.connect(self.panel.ask_takeover)
            self.bridge = bridge
        return self.bridge

    def _switched(self, on: bool, address: str) -> None:
        try:
            if on:
                if not address:
                    raise Refusal("Choose the address phones should use first.")
                self.turn_on(address)
            else:
                self.turn_off()
        except Refusal as refused:
            self.panel.show_refusal(str(refused))
            self._show_state()
            return
        self.panel.show_refusal("")

    def _started(self, _url: str) -> None:
        server = self.bridge.server if self.bridge is not None else None
        if server is not None:
            self._last = (server.address, server.port)
            self.panel.show_on(server.address)
        self._show_codes()
        self._show_vote()

    def _stopped(self) -> None:
        self.panel.dismiss_takeover()
        self.panel.show_off()
        self.show_addresses()

    def _show_state(self) -> None:
        if self.running:
            self._started("")
        else:
            self._stopped()

    # -- what the tab shows ----------------------------------------------------------------------------------
    def _show_codes(self) -> None:
        bridge = self.bridge
        if bridge is None or not bridge.running:
            return
        self.panel.show_codes(bridge.pin, (bridge.leaders_url, bridge.leaders_qr()),
                              (bridge.facilitator_url, bridge.facilitator_qr()))

    def _show_vote(self) -> None:
        bridge = self.bridge
        progress = bridge.vote_progress() if bridge is not None else None
        if bridge is None or progress is None or bridge.desk is None:
            return
        if not self.live.state.session.live:
            self.panel.show_vote("Leaders vote from their phones once a session is started.", "", [])
            return
        phase = VOTE_PHASES.get(bridge.desk.box.phase.value, "")
        line = progress.line if progress.attendees else "The session has no attendees to vote yet."
        self.panel.show_vote(phase, line, list(progress.waiting))

    def _room_changed(self, changes: Changes) -> None:
        if self.running and self.live.console.panels.has("phones") and VOTE_FOLLOWS & changes.what:
            self._show_vote()

    # -- the facilitator's actions ------------------------------------------------------------------------------
    def _vote(self, step: str) -> None:
        actions = {"open": lambda bridge: bridge.open_vote(), "close": lambda bridge: bridge.close_vote(),
                   "reveal": lambda bridge: bridge.reveal_votes()}
        self._try(actions[step])

    def _try(self, action) -> None:  # noqa: ANN001 - a callable taking the bridge
        """Do ``action`` on the bridge; a refusal shows as its one sentence in the tab."""
        try:
            if self.bridge is None:
                raise Refusal("Turn the phones on first.")
            action(self.bridge)
        except Refusal as refused:
            self.panel.show_refusal(str(refused))
            return
        self.panel.show_refusal("")
        self._show_vote()


    # -- the code on a wall -------------------------------------------------------------------------------------
    def show_on_wall(self) -> None:
        """The phones view on a wall, through the room's own Assign (as the Screens tab sets a wall's view)."""
        state = self.live.state
        wall = wall_for_phones(state)
        if wall is None:
            self.panel.show_refusal("There is no wall to show the code on: connect a screen first.")
            return
        if state.shown(wall) != "phones":
            try:
                self.live.execute(cmd.Assign(wall.identity, "phones"))
            except Refusal as refused:
                self.panel.show_refusal(str(refused))
                return
        self.panel.show_note(f"The leaders' code is on {wall.name}." if self.running else
                             f"{wall.name} says the phones are off; turn them on to show the code there.")


def wall_for_phones(state: RoomState) -> WallState | None:
    """The wall for the leaders' code: one already showing it, else a wall showing nothing to read (the logo,
    black or white) that nothing borrowed, else the last wall (the first ones carry the stage)."""
    present = state.present_walls()
    if not present:
        return None
    showing = [w for w in present if state.shown(w) == "phones"]
    idle = [w for w in present if w.borrowed is None and view_named(w.view).data is ViewData.PLAIN]
    return (showing or idle or present[-1:])[0]


def attach_phones(live: LiveRoom) -> PhoneSwitch:
    """The Phones tab of ``live``'s console, working; nothing listens until it is switched on."""
    return PhoneSwitch(live)
