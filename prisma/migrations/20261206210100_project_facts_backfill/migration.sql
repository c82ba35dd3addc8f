-- The projects made before the delivery report's copy existed get theirs (prisma/sql/project_facts_refresh.sql).
SELECT project_facts_refresh(ARRAY(SELECT "id" FROM "Project"));
