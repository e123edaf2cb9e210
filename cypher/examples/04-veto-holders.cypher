// Forum members holding a veto, and whether they support the target elsewhere in the graph.
:param caseId => 'darfur-2003-2008';
:param target => 'sdn-gov';

MATCH (member:Actor)-[m:TIE {caseId: $caseId, type: 'member-of'}]->(forum:Actor)
WHERE m.veto
OPTIONAL MATCH (member)-[s:TIE {polarity: 'supportive'}]->(:Actor {caseId: $caseId, id: $target})
RETURN forum.name AS forum, member.name AS vetoHolder, member.position AS position,
       collect(s.type) AS supportsTargetThrough
ORDER BY forum, position;
