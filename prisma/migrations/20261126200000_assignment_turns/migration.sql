-- Leads that arrive while every eligible officer is being given one wait for an officer in turn,
-- numbered by this sequence, instead of all queueing behind the least recently assigned one.
CREATE SEQUENCE "AssignmentTurn" AS bigint CYCLE;
