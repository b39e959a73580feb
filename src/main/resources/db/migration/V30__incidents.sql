-- Incidents: the announcement, its timeline, and what is still owed to Slack and the status page.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE incidents (
    id               VARCHAR(64)   NOT NULL PRIMARY KEY,
    service          VARCHAR(128)  NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    summary          VARCHAR(1000) NOT NULL,
    message          VARCHAR(4000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    opened_by_id     VARCHAR(128)  NOT NULL,
    opened_by        VARCHAR(256)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE,
    resolved_at      TIMESTAMP WITH TIME ZONE,
    last_update_at   TIMESTAMP WITH TIME ZONE,
    reminded_at      TIMESTAMP WITH TIME ZONE,
    version          INTEGER       NOT NULL,
    slack_channel    VARCHAR(64),
    slack_ts         VARCHAR(64),
    slack_version    INTEGER       NOT NULL,
    page_incident_id VARCHAR(64),
    page_error       VARCHAR(2000)
);

CREATE INDEX incidents_state ON incidents (state);

-- The timeline, in order. page_state: NONE (not for the status page), PENDING, DONE. notice_state: NONE (part of
-- the incident message), PENDING or DONE (a message of its own, e.g. a reminder). fallback_sent: told to the
-- fallback webhook while Slack could not be reached.
CREATE TABLE incident_events (
    incident_id   VARCHAR(64)   NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    seq           INTEGER       NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(256)  NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    text          VARCHAR(4000) NOT NULL,
    page_state    VARCHAR(16)   NOT NULL,
    notice_state  VARCHAR(16)   NOT NULL,
    fallback_sent BOOLEAN       NOT NULL,
    PRIMARY KEY (incident_id, seq)
);

-- One row per service with an open incident: the primary key keeps one open incident per service, on any number
-- of Lifeboat instances. Deleted when the incident is resolved.
CREATE TABLE incident_locks (
    service     VARCHAR(128) NOT NULL PRIMARY KEY,
    incident_id VARCHAR(64)  NOT NULL,
    locked_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
