// The command chain below a leader: who commands or controls whom, up to four hops down.
:param caseId => 'darfur-2003-2008';
:param leader => 'bashir';

MATCH path = (:Actor {caseId: $caseId, id: $leader})-[:TIE*1..4]->(unit:Actor)
WHERE all(t IN relationships(path) WHERE t.type IN ['commands', 'controls'])
RETURN [n IN nodes(path) | n.name] AS chain,
       reduce(s = 1.0, t IN relationships(path) | s * t.strength * t.confidence) AS strength
ORDER BY strength DESC;
