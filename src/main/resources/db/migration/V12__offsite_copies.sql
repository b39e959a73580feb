-- Lifeboat's record of each backup's offsite copy (one row per app and backup): where it went, its size as Heroku
-- reported it and as stored, the SHA-256 computed while streaming, and failed attempts in a row. The same SQL on H2
-- (PostgreSQL mode) and PostgreSQL.
CREATE TABLE offsite_copies (
    app           VARCHAR(128)  NOT NULL,
    backup        VARCHAR(32)   NOT NULL,
    object_key    VARCHAR(1024) NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    heroku_bytes  BIGINT,
    stored_bytes  BIGINT,
    sha256        VARCHAR(64),
    failures      INTEGER       NOT NULL,
    reason        VARCHAR(1000),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    copied_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (app, backup)
);
