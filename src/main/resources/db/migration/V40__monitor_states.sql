-- What the monitor last announced per watched service (`app:acme-prod`, `site:https://…`), so neither a restart nor a
-- new leader repeats an announcement. Failures counted so far are not kept: a new leader starts counting afresh.
CREATE TABLE monitor_states (
    service              VARCHAR(256) NOT NULL PRIMARY KEY,
    announced            VARCHAR(16)  NOT NULL,
    outage_since         TIMESTAMP WITH TIME ZONE,
    last_down_message_at TIMESTAMP WITH TIME ZONE,
    last_up_message_at   TIMESTAMP WITH TIME ZONE,
    flaps                INTEGER      NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
