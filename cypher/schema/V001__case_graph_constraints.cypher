// Fulcrum's case graph. Every node and tie carries the id of the case (workspace) it belongs to;
// ids are unique within a case, not across cases.

CREATE CONSTRAINT case_id_unique IF NOT EXISTS
FOR (c:Case) REQUIRE c.id IS UNIQUE;

CREATE CONSTRAINT actor_id_unique_in_case IF NOT EXISTS
FOR (a:Actor) REQUIRE (a.caseId, a.id) IS UNIQUE;

CREATE CONSTRAINT source_id_unique_in_case IF NOT EXISTS
FOR (s:Source) REQUIRE (s.caseId, s.id) IS UNIQUE;

CREATE CONSTRAINT message_id_unique_in_case IF NOT EXISTS
FOR (m:Message) REQUIRE (m.caseId, m.id) IS UNIQUE;

CREATE CONSTRAINT tie_id_unique_in_case IF NOT EXISTS
FOR ()-[t:TIE]-() REQUIRE (t.caseId, t.id) IS UNIQUE;
