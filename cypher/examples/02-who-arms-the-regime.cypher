// Suppliers of arms, money and diplomatic cover into Khartoum, strongest first, with their sources.
:param caseId => 'darfur-2003-2008';
:param target => 'sdn-gov';

MATCH (patron:Actor)-[t:TIE {caseId: $caseId}]->(:Actor {caseId: $caseId, id: $target})
WHERE t.polarity = 'supportive'
  AND t.type IN ['supplies-arms', 'finances', 'provides-aid', 'trades-with', 'invests-in', 'shields', 'allied-with']
RETURN patron.name AS patron, t.type AS tie, t.strength AS strength, t.confidence AS confidence,
       t.from AS from, t.to AS to, t.sources AS sources
ORDER BY t.strength * t.confidence DESC;
