"""Schema version 1 of the room file."""

JOURNEY = """
CREATE TABLE room (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    brand_colour TEXT NOT NULL DEFAULT '#12A4B4',
    currency TEXT NOT NULL DEFAULT 'GBP',
    mask_verbatims INTEGER NOT NULL DEFAULT 1,
    logo_sha256 TEXT REFERENCES media(sha256),
    created_at TEXT NOT NULL,
    built_from TEXT NOT NULL DEFAULT ''
);
CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL,
    original_name TEXT NOT NULL DEFAULT '',
    chunk_size INTEGER NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE media_chunks (
    media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (media_id, seq)
);
CREATE TABLE silos (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE stages (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    goal TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE moments (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    stage_id INTEGER NOT NULL REFERENCES stages(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    is_priority INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE moment_silos (
    moment_id INTEGER NOT NULL REFERENCES moments(id) ON DELETE CASCADE,
    silo_id INTEGER NOT NULL REFERENCES silos(id),
    PRIMARY KEY (moment_id, silo_id)
);
CREATE TABLE personas (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    situation TEXT NOT NULL DEFAULT '',
    goals TEXT NOT NULL DEFAULT '[]',
    frustrations TEXT NOT NULL DEFAULT '[]',
    quote TEXT NOT NULL DEFAULT '',
    photo_sha256 TEXT REFERENCES media(sha256)
);
CREATE TABLE artifacts (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    stage_id INTEGER NOT NULL REFERENCES stages(id),
    moment_id INTEGER REFERENCES moments(id),
    media_sha256 TEXT NOT NULL REFERENCES media(sha256),
    caption TEXT NOT NULL DEFAULT '',
    task_text TEXT,
    task_done_when TEXT NOT NULL DEFAULT '',
    task_customer_median_seconds INTEGER,
    task_customer_give_up_percent REAL,
    task_common_wrong_answer TEXT NOT NULL DEFAULT '',
    CHECK (task_text IS NULL OR task_customer_median_seconds > 0)
);
CREATE TABLE calls (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    stage_id INTEGER NOT NULL REFERENCES stages(id),
    moment_id INTEGER REFERENCES moments(id),
    persona_id INTEGER REFERENCES personas(id),
    media_sha256 TEXT NOT NULL REFERENCES media(sha256),
    kind TEXT NOT NULL CHECK (kind IN ('audio', 'video')),
    duration_ms INTEGER NOT NULL DEFAULT 0,
    consent INTEGER NOT NULL DEFAULT 0,
    recorded_on TEXT,
    summary TEXT NOT NULL DEFAULT ''
);
CREATE TABLE transcript_segments (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    speaker TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL
);
CREATE INDEX transcript_segments_call ON transcript_segments(call_id, start_ms);
"""

EVIDENCE = """
CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    received_on TEXT NOT NULL,
    source TEXT NOT NULL,
    category TEXT NOT NULL,
    stage_id INTEGER REFERENCES stages(id),
    moment_id INTEGER REFERENCES moments(id),
    verbatim TEXT NOT NULL DEFAULT '',
    customer_ref TEXT NOT NULL DEFAULT '',
    customer_name TEXT NOT NULL DEFAULT '',
    value REAL,
    external_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX complaints_stage_received ON complaints(stage_id, received_on);
CREATE TABLE kpis (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    moment_id INTEGER NOT NULL REFERENCES moments(id),
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
    target REAL NOT NULL,
    at_risk REAL NOT NULL,
    failing REAL NOT NULL,
    owner_silo_id INTEGER REFERENCES silos(id),
    predicts TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE kpi_readings (
    kpi_id INTEGER NOT NULL REFERENCES kpis(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (kpi_id, period)
) WITHOUT ROWID;
CREATE TABLE survey_results (
    id INTEGER PRIMARY KEY,
    survey TEXT NOT NULL CHECK (survey IN ('NPS', 'CSAT', 'CES')),
    stage_id INTEGER NOT NULL REFERENCES stages(id),
    moment_id INTEGER REFERENCES moments(id),
    period TEXT NOT NULL,
    score REAL NOT NULL,
    respondents INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE asset_periods (
    id INTEGER PRIMARY KEY,
    period_kind TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')),
    period_start TEXT NOT NULL,
    label TEXT NOT NULL,
    customers_start INTEGER NOT NULL,
    gained_count INTEGER NOT NULL,
    gained_value REAL NOT NULL DEFAULT 0,
    lost_count INTEGER NOT NULL,
    lost_value REAL NOT NULL DEFAULT 0,
    increased_count INTEGER NOT NULL DEFAULT 0,
    declined_count INTEGER NOT NULL DEFAULT 0,
    customers_end INTEGER NOT NULL,
    UNIQUE (period_kind, period_start)
);
CREATE TABLE asset_lost_reasons (
    id INTEGER PRIMARY KEY,
    period_id INTEGER NOT NULL REFERENCES asset_periods(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    stage_id INTEGER REFERENCES stages(id),
    count INTEGER NOT NULL CHECK (count >= 0)
);
"""

MEETINGS = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    cadence TEXT NOT NULL CHECK (cadence IN ('monthly', 'quarterly', 'annual', 'workshop', 'onboarding')),
    scheduled_on TEXT NOT NULL,
    started_at TEXT,
    closed_at TEXT,
    next_session_on TEXT
);
CREATE TABLE attendees (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    silo_id INTEGER REFERENCES silos(id),
    UNIQUE (session_id, name)
);
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    conversation INTEGER NOT NULL CHECK (conversation BETWEEN 1 AND 4),
    title TEXT NOT NULL,
    planned_minutes INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE priorities (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    stage_id INTEGER NOT NULL REFERENCES stages(id),
    moment_id INTEGER REFERENCES moments(id),
    status TEXT NOT NULL CHECK (status IN ('candidate', 'selected', 'completed', 'dropped')),
    selected_in_session_id INTEGER REFERENCES sessions(id),
    sponsor TEXT NOT NULL DEFAULT ''
);
CREATE TABLE votes (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    priority_id INTEGER NOT NULL REFERENCES priorities(id),
    voter TEXT NOT NULL,
    dots INTEGER NOT NULL CHECK (dots >= 0)
);
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    priority_id INTEGER NOT NULL UNIQUE REFERENCES priorities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    lead TEXT NOT NULL DEFAULT ''
);
CREATE TABLE team_members (
    team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    silo_id INTEGER REFERENCES silos(id),
    PRIMARY KEY (team_id, name)
);
CREATE TABLE accountability_steps (
    id INTEGER PRIMARY KEY,
    priority_id INTEGER NOT NULL REFERENCES priorities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'reported', 'late')),
    report TEXT NOT NULL DEFAULT '',
    reported_in_session_id INTEGER REFERENCES sessions(id),
    UNIQUE (priority_id, position)
);
CREATE TABLE stop_doing_items (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    rationale TEXT NOT NULL DEFAULT '',
    capacity_freed TEXT NOT NULL DEFAULT '',
    silo_id INTEGER REFERENCES silos(id),
    status TEXT NOT NULL CHECK (status IN ('proposed', 'decided', 'rejected'))
);
CREATE TABLE recognitions (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    priority_id INTEGER NOT NULL REFERENCES priorities(id),
    citation TEXT NOT NULL
);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    context TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE commitments (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    priority_id INTEGER REFERENCES priorities(id),
    at TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    owner TEXT NOT NULL,
    due_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
    context TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    context TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE journal_events (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_events_session ON journal_events(session_id, at);
"""

STATEMENTS = JOURNEY + EVIDENCE + MEETINGS
