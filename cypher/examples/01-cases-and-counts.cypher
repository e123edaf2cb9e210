// The cases in the store with what they hold. Paste into Neo4j Browser (bolt://127.0.0.1:7687).
MATCH (c:Case)
RETURN c.id AS case, c.title AS title,
       COUNT { (a:Actor {caseId: c.id}) } AS actors,
       COUNT { ()-[t:TIE {caseId: c.id}]->() } AS ties,
       COUNT { (m:Message {caseId: c.id}) } AS messages
ORDER BY case;
