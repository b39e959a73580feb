-- Each scheduled job's last run (daily, weekly, monthly), shared by every Lifeboat instance on this store.
-- A run is claimed by moving due_at forward with `UPDATE ... WHERE job = ? AND due_at < ?`: of several instances
-- claiming the same due time, exactly one changes the row. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE scheduled_jobs (
    job          VARCHAR(64)  NOT NULL PRIMARY KEY,
    due_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    state        VARCHAR(16)  NOT NULL,
    detail       VARCHAR(2000) NOT NULL,
    run_id       VARCHAR(64),
    owner        VARCHAR(128) NOT NULL
);
