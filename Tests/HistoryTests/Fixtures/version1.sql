-- A history as migration 1 (the first released schema) made it, with a period and an import
-- recorded: `sqlite3 FILE .dump`, plus its schema version, which .dump leaves out.
-- MigrationTests migrates it to the current version. Never regenerate it with a newer journeys.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE customers (
    customer INTEGER NOT NULL PRIMARY KEY,
    first_seen TEXT NOT NULL,
    first_channel TEXT,
    period TEXT
);
INSERT INTO customers VALUES(-4436283040153402213,'2025-03-02',NULL,NULL);
INSERT INTO customers VALUES(-1149039137333684616,'2026-11-10','email','2026-W46');
INSERT INTO customers VALUES(13116830121986,'2026-11-12','direct','2026-W46');
CREATE TABLE orders (
    order_id TEXT NOT NULL PRIMARY KEY,
    customer INTEGER NOT NULL,
    time INTEGER NOT NULL,
    value_cents INTEGER NOT NULL,
    channel TEXT,
    period TEXT
) WITHOUT ROWID;
INSERT INTO orders VALUES('O-1',-1149039137333684616,1794303000,4990,'email','2026-W46');
INSERT INTO orders VALUES('O-2',13116830121986,1794506400,1500,'direct','2026-W46');
INSERT INTO orders VALUES('S-1',-4436283040153402213,1740873600,1000,NULL,NULL);
CREATE TABLE weekly_visits (
    customer INTEGER NOT NULL,
    week TEXT NOT NULL,
    period TEXT NOT NULL,
    visits INTEGER NOT NULL CHECK (visits > 0),
    PRIMARY KEY (customer, week, period)
) WITHOUT ROWID;
INSERT INTO weekly_visits VALUES(-1149039137333684616,'2026-W46','2026-W46',3);
INSERT INTO weekly_visits VALUES(13116830121986,'2026-W46','2026-W46',1);
CREATE TABLE kpi_snapshots (
    period TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('week', 'month', 'range')),
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    partial INTEGER NOT NULL,
    report_schema_version INTEGER NOT NULL,
    kpis TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO kpi_snapshots VALUES('2026-W46','week','2026-11-09','2026-11-15',0,1,'{"conversion_rate":0.05,"orders":2,"revenue":64.9}');
COMMIT;
PRAGMA user_version = 1;
