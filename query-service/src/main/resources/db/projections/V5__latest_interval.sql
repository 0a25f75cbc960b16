-- The key of each action's current row that runs on with no end (in action_state_interval), beside the state that row
-- holds. A batch of changes starts from it, read by the action's primary key: searched for in action_state_interval,
-- it sat among every row the action had ever had current, and the search slowed as the table grew. Null until the
-- action's next change, which then refolds the action once.
ALTER TABLE action_status ADD COLUMN latest_valid_from TIMESTAMPTZ;
ALTER TABLE action_status ADD COLUMN latest_known_from TIMESTAMPTZ;
