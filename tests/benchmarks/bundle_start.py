"""Cold start of the offline bundle against the same commit run from .venv, in one run (issue 22).

    .venv/bin/python -m tests.benchmarks.bundle_start build/bundle/dist/customer-room [--runs 7]

Both open the sample room until the console and three 4K walls are painted (CUSTOMER_ROOM_QUIT_WHEN_SHOWN),
taking turns, on one Xvfb display when there is one (the bundle's own xcb plugin then draws), else on Qt's
offscreen screens. Not part of `python -m tests.benchmarks`: it needs a bundle built first
(packaging/bundle/build.sh).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .live_benchmarks import BIN, _alternate, _cold_start_env, _launch_seconds, screens_config
from .window_timing import VirtualDisplay


def bench_bundle_start(bundle: Path, work: Path, runs: int) -> dict:
    room = work / "harbourline.croom"
    subprocess.run([str(BIN / "customer-room"), "build", "rooms/harbourline", "-o", str(room), "--force"],
                   check=True, capture_output=True)
    venv = [str(BIN / "customer-room"), "open", str(room)]
    bundled = [str(bundle / "customer-room"), "open", str(room)]

    def measure(env: dict[str, str]) -> dict[str, float]:
        env = {name: value for name, value in env.items() if name not in ("PYTHONPATH", "CUSTOMER_ROOM_VLC_DIR")}
        return _alternate({"venv": lambda: _launch_seconds(venv, env),
                           "bundle": lambda: _launch_seconds(bundled, env)}, runs)

    if VirtualDisplay.available():
        with VirtualDisplay() as display:
            medians = measure(_cold_start_env(work, display.env({})))
        screens = "Xvfb, laptop + three 3840x2160 monitors"
    else:
        medians = measure(_cold_start_env(work, {"QT_QPA_PLATFORM": screens_config(work, 3, 3840, 2160)}))
        screens = "Qt's offscreen screens (no Xvfb here)"
    return {
        "name": f"Cold start, bundle against .venv: console + 3 walls at 4K painted, median of {runs}",
        "screens": screens,
        "from .venv (s)": round(medians["venv"], 3),
        "from the bundle (s)": round(medians["bundle"], 3),
        "ratio bundle / .venv (target <= 1)": round(medians["bundle"] / medians["venv"], 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the bundle's folder (holding the customer-room program)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="customer-room-bundle-start-") as work:
        print(json.dumps(bench_bundle_start(args.bundle.resolve(), Path(work), args.runs), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
