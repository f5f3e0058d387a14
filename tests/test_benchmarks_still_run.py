"""The benchmarks are run by hand at full size; here they run small so they cannot rot unnoticed.

Nothing here looks at a time: only that each benchmark measured what it says it measures.
"""

import json

import pytest

from tests.benchmarks.__main__ import main
from tests.benchmarks.machine_gauge import GAUGE_NAME


@pytest.mark.slow  # about a minute
@pytest.mark.vlc  # the call benchmarks play through libVLC
def test_quick_benchmarks_measure_real_work(capsys, tmp_path):
    assert main(["--quick", "--json", "--workdir", str(tmp_path)]) == 0
    results = {result["name"]: result for result in json.loads(capsys.readouterr().out)}
    imported = results["Import 20,000 complaints from CSV"]
    assert imported["customer-room import (s)"] > 0 and imported["raw sqlite-utils insert --csv (s)"] > 0
    opened = next(r for name, r in results.items() if name.startswith("Open a room with 23,016 complaints and 86 "))
    assert opened["stages listed"] == 7
    media = results["Import and stream back a 64 MiB media file"]
    assert media["bytes read back match SHA-256"] is True
    switch = next(r for name, r in results.items() if name.startswith("Stage switch, 3 walls at 4K"))
    assert switch["next/previous p50 (ms)"] > 0 and switch[GAUGE_NAME] > 0
    soak = next(r for name, r in results.items() if name.startswith("Soak: 40 switches"))
    assert soak["growth over the switches (%, target <= 2)"] < 50
    assert len(soak["resident memory at each tenth (MB)"].split()) == 11
    start = next(r for name, r in results.items() if name.startswith("Cold start"))
    assert start["customer-room open (s)"] > 0 and start["ratio to the empty window (target <= 4)"] > 1
    assert start[GAUGE_NAME] > 0  # how fast the machine copied pixels, beside the times it explains
    big = next(r for name, r in results.items() if name.startswith("Play a 64 MiB recording"))
    assert len(big["positions 1.5 s after seeking to 25/50/75/98 % (s)"].split(", ")) == 4
    calls = next(r for name, r in results.items() if name.startswith("Calls through libVLC"))
    assert "over" in calls["caption lag behind the line's start, p50 / p95 / max (ms, target <= 100)"]
    capture = next(r for name, r in results.items() if name.startswith("Capture: Enter to durable commit"))
    assert capture["all saved in the room file"] is True and capture["p95 (ms, target <= 20)"] > 0
    minutes = next(r for name, r in results.items() if name.startswith("Minutes PDF: 200 decisions"))
    assert minutes["pages"] >= 3
    kpis = next(r for name, r in results.items() if name.startswith("KPI walls: 20 KPIs x 1 years"))
    assert "(7,320 readings)" in next(name for name in results if name.startswith("KPI walls"))
    assert kpis["early-warning wall, read + paint, median (ms, target < 100)"] > 0
    listening = next(r for name, r in results.items() if name.startswith("Listening path over 23,016"))
    assert listening["complaints counted on the wall"] == 23_016  # every complaint, through the grouped table
    skipped = next(r for name, r in results.items() if name.startswith("Import 20,000 CFPB-like complaints"))
    imported_rows, refused_rows = (int(n.replace(",", "")) for n in
                                   skipped["rows imported / refused (skip-bad-rows)"].split(" / "))
    assert imported_rows + refused_rows == 20_000 and 100 < refused_rows < 300  # 1 % of the rows are bad
    long_walls = next(r for name, r in results.items() if name.startswith("Walls quoting five 25,000-character"))
    assert long_walls["stage: 25,000-char verbatims, render (ms)"] > 0
    long_minutes = next(r for name, r in results.items() if name.startswith("Minutes PDF holding a 20,000-char"))
    assert len(long_minutes) > 2
    recovery = next(r for name, r in results.items() if name.startswith("Kiosk recovery: the player killed 2 "))
    assert recovery["kills after which it came back on the same step"] == "2 of 2"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow  # about 10 s: the room in one child process, five phones in another
def test_the_phones_benchmark_counts_every_ballot_once(capsys, tmp_path):
    assert main(["--only", "phones", "--quick", "--json", "--workdir", str(tmp_path)]) == 0
    (phones,) = json.loads(capsys.readouterr().out)
    assert phones["name"].startswith("Phones: 5 leaders vote at once")
    assert phones["ballots sent / distinct uids"] == "15 / 15"
    assert phones["votes lost (target 0)"] == "0" and phones["votes counted twice (target 0)"] == "0"
    assert phones["retries answered as already counted"] == "3 of 3" and phones["ballots refused"] == "0"
    assert phones["tally: leaders voted, dots (expected)"].startswith("5 of 5, ")
    assert phones["tally wall shows the final tally"] is True
    assert phones["ballots never seen on the tally wall"] == 0
    assert phones["sent -> tally data, p95 (ms, target <= 300)"] > 0 and phones["p95 / target (ratio)"] > 0
    assert phones["room process CPU in the burst (s)"] > 0
    assert list(tmp_path.iterdir()) == []
