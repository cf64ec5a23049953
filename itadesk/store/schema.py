"""The database schema, built and upgraded by sqlite-utils migrations.

Migrations only ever move forward and are never edited once released: a new
need is a new function at the end. ``SCHEMA_VERSION`` counts them; a file with
more applied migrations than this itadesk knows is refused (written by a newer
itadesk).
"""

from __future__ import annotations

import functools

from .sqlite import Database, Migrations

migrations = Migrations("itadesk")


def _run(db: Database, sql: str) -> None:
    # executescript() would COMMIT the migration's transaction; run one statement at a time.
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations()
def m001_initial(db: Database) -> None:
    _run(db, """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE office (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT 'เทศบาล',
        amphoe TEXT NOT NULL DEFAULT '', province TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '', doc_prefix TEXT NOT NULL DEFAULT '',
        emblem_png BLOB);
    CREATE TABLE units (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, sort INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE signers (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, position TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT 'executive', sort INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE years (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 2550 AND 2700),
        pass_mark REAL NOT NULL DEFAULT 85, unverified INTEGER NOT NULL DEFAULT 1,
        note TEXT NOT NULL DEFAULT '', overall REAL CHECK (overall BETWEEN 0 AND 100));
    CREATE TABLE tools (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES years(year) ON DELETE CASCADE,
        code TEXT NOT NULL, name_th TEXT NOT NULL, weight REAL, parent TEXT, sort INTEGER NOT NULL DEFAULT 0,
        UNIQUE (year, code));
    CREATE TABLE indicators (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES years(year) ON DELETE CASCADE,
        no INTEGER NOT NULL, name_th TEXT NOT NULL, tool TEXT NOT NULL, UNIQUE (year, no));
    CREATE TABLE items (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES years(year) ON DELETE CASCADE,
        code TEXT NOT NULL, tool TEXT NOT NULL, indicator INTEGER, title_th TEXT NOT NULL DEFAULT '',
        sub_indicator TEXT, uncertain INTEGER NOT NULL DEFAULT 0, sort INTEGER NOT NULL DEFAULT 0,
        UNIQUE (year, code));
    CREATE TABLE levels (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES years(year) ON DELETE CASCADE,
        name TEXT NOT NULL, min REAL NOT NULL, max REAL NOT NULL, tool_min REAL, sort INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE tool_scores (
        tool_id INTEGER PRIMARY KEY REFERENCES tools(id) ON DELETE CASCADE,
        score REAL NOT NULL CHECK (score BETWEEN 0 AND 100));
    CREATE TABLE indicator_scores (
        indicator_id INTEGER PRIMARY KEY REFERENCES indicators(id) ON DELETE CASCADE,
        score REAL NOT NULL CHECK (score BETWEEN 0 AND 100));
    CREATE TABLE item_scores (
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        part INTEGER NOT NULL DEFAULT 1 CHECK (part IN (1, 2)),
        score REAL NOT NULL CHECK (score BETWEEN 0 AND 100), PRIMARY KEY (item_id, part));
    CREATE TABLE texts (
        year INTEGER NOT NULL REFERENCES years(year) ON DELETE CASCADE,
        key TEXT NOT NULL, body TEXT NOT NULL DEFAULT '', PRIMARY KEY (year, key));
    CREATE TABLE analyses (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES years(year) ON DELETE CASCADE,
        indicator INTEGER, topic TEXT NOT NULL DEFAULT '', assessment TEXT NOT NULL DEFAULT '',
        analysis TEXT NOT NULL DEFAULT '', development TEXT NOT NULL DEFAULT '', sort INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE limitations (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES years(year) ON DELETE CASCADE,
        limitation TEXT NOT NULL, impact TEXT NOT NULL DEFAULT '', development TEXT NOT NULL DEFAULT '',
        sort INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE measures (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES years(year) ON DELETE CASCADE,
        kind TEXT NOT NULL DEFAULT 'มาตรการ' CHECK (kind IN ('มาตรการ', 'โครงการ', 'กิจกรรม')),
        title TEXT NOT NULL, issue TEXT NOT NULL DEFAULT '', start TEXT, end TEXT,
        period_text TEXT NOT NULL DEFAULT '', monitoring TEXT NOT NULL DEFAULT '',
        target TEXT NOT NULL DEFAULT '', budget REAL CHECK (budget IS NULL OR budget >= 0),
        sort INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE measure_steps (
        id INTEGER PRIMARY KEY, measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        sort INTEGER NOT NULL, text TEXT NOT NULL);
    CREATE TABLE measure_units (
        measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        sort INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (measure_id, unit_id));
    CREATE TABLE measure_indicators (
        measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
        PRIMARY KEY (measure_id, indicator_id));
    CREATE TABLE measure_items (
        measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        PRIMARY KEY (measure_id, item_id));
    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY, measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        title TEXT NOT NULL, link TEXT NOT NULL DEFAULT '', sort INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE status_updates (
        id INTEGER PRIMARY KEY, measure_id INTEGER NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        date TEXT NOT NULL, round TEXT NOT NULL DEFAULT '6' CHECK (round IN ('6', '12', 'other')),
        status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
        progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100), note TEXT NOT NULL DEFAULT '');
    CREATE TABLE memos (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES years(year) ON DELETE CASCADE,
        agency TEXT NOT NULL DEFAULT '', number TEXT NOT NULL DEFAULT '', date TEXT,
        subject TEXT NOT NULL DEFAULT '', salutation TEXT NOT NULL DEFAULT '', closing TEXT NOT NULL DEFAULT '',
        signer_name TEXT NOT NULL DEFAULT '', signer_position TEXT NOT NULL DEFAULT '',
        table_style TEXT NOT NULL DEFAULT 'three' CHECK (table_style IN ('three', 'one')),
        include_table INTEGER NOT NULL DEFAULT 1, status_round TEXT NOT NULL DEFAULT '6',
        comment_block INTEGER NOT NULL DEFAULT 1);
    CREATE TABLE memo_paragraphs (
        id INTEGER PRIMARY KEY, memo_id INTEGER NOT NULL REFERENCES memos(id) ON DELETE CASCADE,
        sort INTEGER NOT NULL, text TEXT NOT NULL);
    CREATE INDEX idx_status_measure ON status_updates (measure_id, date);
    CREATE INDEX idx_measures_year ON measures (year, sort)
    """)


@migrations()
def m002_undo_journal(db: Database) -> None:
    _run(db, """
    CREATE TABLE _undolog (seq INTEGER PRIMARY KEY, sql TEXT NOT NULL);
    CREATE TABLE _undosteps (id INTEGER PRIMARY KEY, label TEXT NOT NULL, first INTEGER NOT NULL,
        last INTEGER NOT NULL, kind TEXT NOT NULL DEFAULT 'undo');
    CREATE TABLE _undostate (active INTEGER NOT NULL);
    INSERT INTO _undostate VALUES (1)
    """)
    # The triggers that fill _undolog are not made here: itadesk.store.undo
    # derives them from the live schema after every migration run (a trigger
    # written here would go blind to every column added later).


@migrations()
def m003_ui_state(db: Database) -> None:
    """UI state (the year shown) leaves the journaled settings: choosing a year is
    not an edit, must not become an undo step, and must not clear redo."""
    _run(db, """
    CREATE TABLE _state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO _state (key, value) SELECT key, value FROM settings WHERE key = 'current_year' AND value != '';
    DELETE FROM settings WHERE key = 'current_year'
    """)


@migrations()
def m004_undo_merge(db: Database) -> None:
    """Typing in one field for a while is one undo step: a step remembers which field
    of which record it edited, and the next edit of the same field joins it."""
    _run(db, "ALTER TABLE _undosteps ADD COLUMN merge_key TEXT")


@migrations()
def m005_unit_origin(db: Database) -> None:
    """A unit is "declared" when the office lists it; one typed only in a measure's
    responsible units is not, and goes when no measure names it any more — otherwise
    each pause while typing a unit's name ("กองค", "กองคลั") left a unit behind."""
    _run(db, "ALTER TABLE units ADD COLUMN declared INTEGER NOT NULL DEFAULT 1")


@migrations()
def m011_results(db: Database) -> None:
    """The published result beside the computed one: publication date, ranks in the district
    and the province, the stated level, category and per-tool verdicts; editable rules per
    year (level explanations, result categories, EIT from its parts)."""
    _run(db, """
    ALTER TABLE years ADD COLUMN published TEXT;
    ALTER TABLE years ADD COLUMN rank_district INTEGER CHECK (rank_district IS NULL OR rank_district >= 1);
    ALTER TABLE years ADD COLUMN rank_district_of INTEGER CHECK (rank_district_of IS NULL OR rank_district_of >= 1);
    ALTER TABLE years ADD COLUMN rank_province INTEGER CHECK (rank_province IS NULL OR rank_province >= 1);
    ALTER TABLE years ADD COLUMN rank_province_of INTEGER CHECK (rank_province_of IS NULL OR rank_province_of >= 1);
    ALTER TABLE years ADD COLUMN level_stated TEXT NOT NULL DEFAULT '';
    ALTER TABLE years ADD COLUMN category_stated TEXT NOT NULL DEFAULT '';
    ALTER TABLE years ADD COLUMN eit_from_parts INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE levels ADD COLUMN explanation TEXT NOT NULL DEFAULT '';
    ALTER TABLE tools ADD COLUMN stated_verdict TEXT NOT NULL DEFAULT '';
    CREATE TABLE categories (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES years(year) ON DELETE CASCADE,
        name TEXT NOT NULL, overall_min REAL, overall_max REAL,
        tools TEXT NOT NULL DEFAULT 'any' CHECK (tools IN ('any', 'all_pass', 'some_fail')),
        sort INTEGER NOT NULL DEFAULT 0)
    """)
    # years made before this migration get the default explanations and categories
    # (the same defaults a year added now gets), so their documents print them at once
    from ..domain.models import Level
    from ..domain.results import default_categories, default_explanation

    for (year, pass_mark) in db.execute("SELECT year, pass_mark FROM years").fetchall():
        rows = db.execute("SELECT id, name, min, max, tool_min, sort FROM levels WHERE year=? ORDER BY sort, id", [year]).fetchall()
        levels = [Level(r[1], r[2], r[3], r[4], r[5], id=r[0]) for r in rows]
        for lv in levels:
            db.execute("UPDATE levels SET explanation=? WHERE id=?", [default_explanation(lv, levels), lv.id])
        for c in default_categories(levels, pass_mark):
            db.execute("INSERT INTO categories (year, name, overall_min, overall_max, tools, sort) VALUES (?, ?, ?, ?, ?, ?)",
                       [year, c.name, c.overall_min, c.overall_max, str(c.tools), c.sort])


@migrations()
def m011_plans(db: Database) -> None:
    """Plans across fiscal years: a hierarchy (มิติ → ภารกิจ → ภารกิจย่อย) holding measures, each
    with a budget per fiscal year, a หมายเหตุ and links; a year's measure may come from one."""
    _run(db, """
    CREATE TABLE plans (
        id INTEGER PRIMARY KEY, title TEXT NOT NULL,
        first_year INTEGER NOT NULL CHECK (first_year BETWEEN 2550 AND 2700),
        last_year INTEGER NOT NULL CHECK (last_year BETWEEN 2550 AND 2700),
        note TEXT NOT NULL DEFAULT '', sort INTEGER NOT NULL DEFAULT 0,
        CHECK (last_year >= first_year));
    CREATE TABLE plan_nodes (
        id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES plan_nodes(id) ON DELETE CASCADE,
        title TEXT NOT NULL, sort INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE plan_measures (
        id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        node_id INTEGER NOT NULL REFERENCES plan_nodes(id) ON DELETE CASCADE,
        kind TEXT NOT NULL DEFAULT 'โครงการ' CHECK (kind IN ('มาตรการ', 'โครงการ', 'กิจกรรม')),
        title TEXT NOT NULL, units TEXT NOT NULL DEFAULT '', start TEXT, end TEXT,
        note TEXT NOT NULL DEFAULT '', sort INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE plan_budgets (
        measure_id INTEGER NOT NULL REFERENCES plan_measures(id) ON DELETE CASCADE,
        year INTEGER NOT NULL, amount REAL NOT NULL CHECK (amount >= 0), PRIMARY KEY (measure_id, year));
    CREATE TABLE plan_links (
        id INTEGER PRIMARY KEY, measure_id INTEGER NOT NULL REFERENCES plan_measures(id) ON DELETE CASCADE,
        title TEXT NOT NULL DEFAULT '', link TEXT NOT NULL DEFAULT '', sort INTEGER NOT NULL DEFAULT 0);
    ALTER TABLE measures ADD COLUMN plan_measure_id INTEGER REFERENCES plan_measures(id) ON DELETE SET NULL;
    CREATE INDEX idx_plan_nodes ON plan_nodes (plan_id, parent_id, sort);
    CREATE INDEX idx_plan_measures ON plan_measures (plan_id, node_id, sort)
    """)


@migrations()
def m011_evidence(db: Database) -> None:
    """Per question item: the links that answer it (several, each titled), whether it is
    published, and the steps to find it on the office's website."""
    _run(db, """
    CREATE TABLE item_links (
        id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        title TEXT NOT NULL DEFAULT '', link TEXT NOT NULL DEFAULT '', sort INTEGER NOT NULL DEFAULT 0);
    ALTER TABLE items ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE items ADD COLUMN find_steps TEXT NOT NULL DEFAULT '';
    CREATE INDEX idx_item_links ON item_links (item_id, sort)
    """)


@migrations()
def m013_undo_owner(db: Database) -> None:
    """Undo acts on the steps of the session that made them (two windows, a window and a
    script): a step names its owner, NULL once that session closed (the next editor
    inherits it). A log row names the row and the columns it restores, so an undo can
    see that another session changed the same data since and refuse to set it back."""
    _run(db, """
    ALTER TABLE _undosteps ADD COLUMN owner TEXT;
    ALTER TABLE _undolog ADD COLUMN tbl TEXT;
    ALTER TABLE _undolog ADD COLUMN rid INTEGER;
    ALTER TABLE _undolog ADD COLUMN cols TEXT;
    CREATE INDEX idx_undosteps_owner ON _undosteps (owner, kind, id)
    """)


@migrations()
def m010_outline(db: Database) -> None:
    """Documents as outlines, and grouped plans (issue 10).

    * ``outlines``: one per year and document kind, or the office's default for new
      years (``year`` NULL); ``outline_blocks`` its ordered blocks. A block keeps its
      options as JSON: block kinds come and go with program versions and modules
      (issue 11 registers its own), a column per option would need a migration each.
    * ``issues``: an assessment issue of a year groups the measures that answer it;
      measures get ``issue_id``; the issues are made from the issue texts already typed.
    * ``measure_steps`` gain their own unit, period, monitoring and a short wording
      for the status table.
    * ``analyses.points``: the development points listed under a weakness (seed 004).
    """
    _run(db, """
    CREATE TABLE outlines (
        id INTEGER PRIMARY KEY, year INTEGER REFERENCES years(year) ON DELETE CASCADE,
        kind TEXT NOT NULL, preset TEXT NOT NULL DEFAULT '', options TEXT NOT NULL DEFAULT '{}');
    CREATE UNIQUE INDEX idx_outlines_year_kind ON outlines (coalesce(year, 0), kind);
    CREATE TABLE outline_blocks (
        id INTEGER PRIMARY KEY, outline_id INTEGER NOT NULL REFERENCES outlines(id) ON DELETE CASCADE,
        key TEXT NOT NULL, sort INTEGER NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
        enabled INTEGER NOT NULL DEFAULT 1, text TEXT NOT NULL DEFAULT '', options TEXT NOT NULL DEFAULT '{}',
        UNIQUE (outline_id, key));
    CREATE TABLE issues (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES years(year) ON DELETE CASCADE,
        title TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '', sort INTEGER NOT NULL DEFAULT 0,
        UNIQUE (year, title));
    ALTER TABLE measures ADD COLUMN issue_id INTEGER REFERENCES issues(id) ON DELETE SET NULL;
    ALTER TABLE measure_steps ADD COLUMN unit TEXT NOT NULL DEFAULT '';
    ALTER TABLE measure_steps ADD COLUMN period TEXT NOT NULL DEFAULT '';
    ALTER TABLE measure_steps ADD COLUMN monitoring TEXT NOT NULL DEFAULT '';
    ALTER TABLE measure_steps ADD COLUMN status_text TEXT NOT NULL DEFAULT '';
    ALTER TABLE analyses ADD COLUMN points TEXT NOT NULL DEFAULT '';
    INSERT INTO issues (year, title, sort)
        SELECT year, trim(issue), min(sort) FROM measures WHERE trim(issue) != '' GROUP BY year, trim(issue);
    UPDATE measures SET issue_id = (SELECT i.id FROM issues i WHERE i.year = measures.year AND i.title = trim(measures.issue))
        WHERE trim(issue) != ''
    """)


SCHEMA_VERSION = len(migrations._migrations)


@functools.cache
def expected_tables() -> frozenset[str]:
    """The tables a fully migrated itadesk file has (read off a fresh in-memory build)."""
    db = Database(memory=True)
    migrate(db)
    return frozenset(db.table_names())


def applied_count(db: Database) -> int:
    return len(migrations.applied(db))


def migrate(db: Database) -> None:
    migrations.apply(db)
