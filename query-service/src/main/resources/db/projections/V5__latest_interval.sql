-- Each action's current row that runs on with no end (one per published action). A batch of changes reads it for every
-- action it touches; through action_state_interval_known it had to visit all of the action's current rows.
CREATE INDEX action_state_interval_latest ON action_state_interval (plan_id, version_id, number)
    WHERE known_to IS NULL AND valid_to IS NULL;
