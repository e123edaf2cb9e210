// Reads by case: projection of a case's graph, export, counts.

CREATE INDEX actor_case IF NOT EXISTS FOR (a:Actor) ON (a.caseId);

CREATE INDEX source_case IF NOT EXISTS FOR (s:Source) ON (s.caseId);

CREATE INDEX message_case IF NOT EXISTS FOR (m:Message) ON (m.caseId);

CREATE INDEX tie_case IF NOT EXISTS FOR ()-[t:TIE]-() ON (t.caseId);

CREATE INDEX tie_type IF NOT EXISTS FOR ()-[t:TIE]-() ON (t.type);
