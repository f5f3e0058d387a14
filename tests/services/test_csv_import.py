import hashlib
import sqlite3

import pytest

from customer_room_desktop.services.csv_import import import_csv
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.storage.errors import ImportRefused
from customer_room_desktop.storage.room_file import RoomFile

CFPB_HEADER = ("Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,"
               "Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,"
               "Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID\n")


@pytest.fixture
def room(tiny_source, tmp_path):
    path = build_room(tiny_source, tmp_path / "tiny.croom")
    with RoomFile.open(path) as room:
        yield room


def count(room, table="complaints"):
    return room.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_cfpb_export_columns_are_recognised(room, tmp_path):
    csv_path = tmp_path / "cfpb.csv"
    csv_path.write_text(
        CFPB_HEADER
        + '2023-08-02,Vehicle loan or lease,Loan,Struggling to pay your loan,,"They charged me twice, call 555-0101",'
          ',Acme Bank,CA,90210,,Consent provided,Web,2023-08-02,Closed with explanation,Yes,N/A,7301234\n'
        + '08/03/2023,Vehicle loan or lease,Lease,Problem with a credit reporting company,,,,Acme Bank,TX,,,'
          'N/A,Phone,08/04/2023,Closed,Yes,N/A,7301235\n', encoding="utf-8")
    result = import_csv(room, "complaints", csv_path, constants={"stage": "claim"})
    assert result.rows == 2
    assert result.columns["received_on"] == "Date received"
    assert result.columns["category"] == "Issue"
    assert result.columns["verbatim"] == "Consumer complaint narrative"
    assert result.columns["source"] == "Submitted via"
    assert result.columns["external_id"] == "Complaint ID"
    rows = room.db.execute(
        "SELECT received_on, source, category, external_id, s.key FROM complaints c JOIN stages s ON s.id = c.stage_id "
        "WHERE external_id != '' ORDER BY external_id").fetchall()
    assert rows == [("2023-08-02", "Web", "Struggling to pay your loan", "7301234", "claim"),
                    ("2023-08-03", "Phone", "Problem with a credit reporting company", "7301235", "claim")]


def test_one_bad_row_imports_nothing_and_names_the_line(room, tmp_path):
    before = count(room)
    csv_path = tmp_path / "bad.csv"
    lines = ["received_on,source,category,stage"] + [f"2026-03-{d:02d},Web,Slow,claim" for d in range(1, 20)]
    lines.insert(12, "2026-03-31,Web,Slow,the moon")
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_csv(room, "complaints", csv_path)
    assert "line 13" in str(refused.value) and "'the moon' is not a stage" in str(refused.value)
    assert refused.value.line == 13
    assert count(room) == before


def test_latin1_and_bom_files_and_money_values(room, tmp_path):
    latin = tmp_path / "latin.csv"
    latin.write_bytes("received_on,category,stage,verbatim,value\n2026-01-02,Prix,buy,Trop cher, déçu,\"£1,250.50\"\n"
                      .replace("Trop cher, déçu", "\"Trop cher, déçu\"").encode("latin-1"))
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffDate,Category,Stage\n14/02/2026,Slow,claim\n".encode("utf-8"))
    assert import_csv(room, "complaints", latin).encoding == "windows-1252"
    assert room.db.execute("SELECT verbatim, value FROM complaints WHERE category = 'Prix'").fetchone() == (
        "Trop cher, déçu", 1250.5)
    result = import_csv(room, "complaints", bom, date_format="%d/%m/%Y")
    assert result.columns["received_on"] == "Date"
    latest = room.db.execute("SELECT received_on FROM complaints WHERE category = 'Slow' ORDER BY id DESC").fetchone()
    assert latest[0] == "2026-02-14"


def test_map_overrides_a_guess(room, tmp_path):
    csv_path = tmp_path / "map.csv"
    csv_path.write_text("when,what,where\n2026-05-01,Lost letter,buy\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="no column for received_on, category"):
        import_csv(room, "complaints", csv_path)
    import_csv(room, "complaints", csv_path, overrides={"when": "received_on", "what": "category", "where": "stage"})
    assert room.db.execute("SELECT count(*) FROM complaints WHERE category = 'Lost letter'").fetchone()[0] == 1


def test_moment_fills_in_its_stage_and_a_mismatch_is_refused(room, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("received_on,category,moment\n2026-05-01,Slow,claim-report\n", encoding="utf-8")
    import_csv(room, "complaints", good)
    assert room.db.execute("SELECT s.key FROM complaints c JOIN stages s ON s.id = c.stage_id "
                           "WHERE c.received_on = '2026-05-01'").fetchone()[0] == "claim"
    bad = tmp_path / "bad.csv"
    bad.write_text("received_on,category,stage,moment\n2026-05-01,Slow,buy,claim-report\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="line 2: the moment 'claim-report' is not part of that stage"):
        import_csv(room, "complaints", bad)


def test_kpi_readings_non_numeric_is_refused_and_reimport_replaces(room, tmp_path):
    readings = tmp_path / "kpi.csv"
    readings.write_text("kpi,period,value\nreport-minutes,2026-01,31\nMinutes to report,2026-02,28.5\n",
                        encoding="utf-8")
    import_csv(room, "kpis", readings)
    readings.write_text("kpi,period,value\nreport-minutes,2026-02,27\n", encoding="utf-8")
    import_csv(room, "kpis", readings)
    assert room.db.execute("SELECT period, value FROM kpi_readings ORDER BY period").fetchall() == [
        ("2026-01", 31.0), ("2026-02", 27.0)]
    readings.write_text("kpi,period,value\nreport-minutes,2026-03,20\nreport-minutes,2026-04,n/a\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="line 3: the reading 'n/a' is not a number"):
        import_csv(room, "kpis", readings)
    assert count(room, "kpi_readings") == 2


def test_assets_negative_counts_refused_and_inconsistency_reported_not_fixed(room, tmp_path):
    header = ("period_kind,period_start,label,customers_start,gained_count,gained_value,lost_count,lost_value,"
              "increased_count,declined_count,customers_end\n")
    bad = tmp_path / "neg.csv"
    bad.write_text(header + "quarter,2026-01-01,Q1 2026,1000,-5,0,10,0,0,0,985\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="gained count '-5' is negative"):
        import_csv(room, "assets", bad)
    odd = tmp_path / "odd.csv"
    odd.write_text(header + "quarter,2026-01-01,Q1 2026,1000,50,9000,10,2000,4,3,1045\n", encoding="utf-8")
    result = import_csv(room, "assets", odd)
    assert result.warnings == ["Q1 2026: customers at end is 1,045 but start + gained - lost is 1,040 (+5 unexplained)"]
    assert room.db.execute("SELECT customers_end FROM asset_periods").fetchone()[0] == 1045


def dump(path):
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def test_refused_import_leaves_the_room_contents_alone(tiny_source, tmp_path):
    path = build_room(tiny_source, tmp_path / "t.croom")
    before = dump(path)
    bad = tmp_path / "bad.csv"
    bad.write_text("received_on,category\n2026-01-01,\n", encoding="utf-8")
    with RoomFile.open(path) as room, pytest.raises(ImportRefused, match="line 2: the category is empty"):
        import_csv(room, "complaints", bad)
    assert dump(path) == before


@pytest.mark.parametrize("content, words", [
    ("", "is empty"),
    ("received_on,category\n", "no data"),
    ("received_on,category\n2026-01-01,Slow,extra\n", "line 2: the row has 3 cells where the heading has 2"),
])
def test_empty_and_ragged_files(room, tmp_path, content, words):
    path = tmp_path / "x.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportRefused, match=words):
        import_csv(room, "complaints", path)


def test_daily_kpi_readings_are_kept_and_read_by_the_month(room, tmp_path):
    from customer_room_desktop.storage.evidence_queries import list_kpis

    readings = tmp_path / "daily.csv"
    readings.write_text("kpi,date,value\n" + "".join(f"report-minutes,2026-03-{day:02d},{20 + day}\n"
                                                   for day in range(1, 31)) + "report-minutes,2026-04-01,40\n",
                        encoding="utf-8")
    import_csv(room, "kpis", readings)
    assert count(room, "kpi_readings") == 31  # every day kept, none overwritten by the next
    (_, _, monthly), = list_kpis(room.db)
    assert [(r.period, r.value) for r in monthly] == [("2026-03", 35.5), ("2026-04", 40.0)]


@pytest.mark.parametrize("row, reason", [
    ("report-minutes,,31", "line 2: the period is empty"),
    ("report-minutes,2026-13,31", "line 2: '2026-13' has no such month"),
    ("report-minutes,2026-02,", "line 2: the reading is empty"),
])
def test_a_kpi_row_without_a_usable_period_or_reading_refuses_the_whole_file(room, tmp_path, row, reason):
    readings = tmp_path / "kpi.csv"
    readings.write_text(f"kpi,period,value\n{row}\nreport-minutes,2026-01,30\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match=reason):
        import_csv(room, "kpis", readings)
    assert count(room, "kpi_readings") == 0


@pytest.mark.parametrize("row, reason", [
    ("quarter,,Q2 2026,1000,5,0,10,0,0,0,995", "line 3: "),
    ("quarter,2026-04-01,Q2 2026,1000,five,0,10,0,0,0,995", "line 3: the gained count 'five' is not a number"),
    ("quarter,2026-04-01,Q2 2026,1000,5,0,-10,0,0,0,995", "line 3: the lost count '-10' is negative"),
])
def test_a_bad_customer_asset_row_refuses_the_whole_file_naming_file_and_line(room, tmp_path, row, reason):
    header = ("period_kind,period_start,label,customers_start,gained_count,gained_value,lost_count,lost_value,"
              "increased_count,declined_count,customers_end\n")
    bad = tmp_path / "assets.csv"
    bad.write_text(header + "quarter,2026-01-01,Q1 2026,1000,50,9000,10,2000,4,3,1040\n" + row + "\n",
                   encoding="utf-8")
    with pytest.raises(ImportRefused, match="assets.csv") as refused:
        import_csv(room, "assets", bad)
    assert reason in str(refused.value)
    assert count(room, "asset_periods") == 0  # the good first row is not kept either


def test_complaints_are_regrouped_by_month_in_the_same_import(room, tmp_path):
    from customer_room_desktop.storage.complaint_months import complaint_months_in_step

    complaints = tmp_path / "more.csv"
    complaints.write_text("received_on,source,category,stage\n2026-03-02,E-mail,Late,buy\n"
                          "2026-03-09,E-mail,Late,buy\n2026-04-01,Phone,Rude,\n", encoding="utf-8")
    import_csv(room, "complaints", complaints)
    assert complaint_months_in_step(room.db)
    assert room.db.execute("SELECT count FROM complaint_months WHERE month = '2026-03' AND source = 'E-mail' "
                           "AND category = 'Late'").fetchone()[0] >= 2
