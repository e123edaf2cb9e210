// What the coalition said on one issue, in order, with speaker and forum.
:param caseId => 'darfur-2003-2008';
:param issue => 'sanctions';

MATCH (speaker:Actor)-[:SAID]->(m:Message {caseId: $caseId, issue: $issue})-[:ADDRESSED_TO]->(audience:Actor)
OPTIONAL MATCH (m)-[:IN_FORUM]->(forum:Actor)
RETURN m.date AS date, speaker.name AS speaker, forum.name AS forum, audience.name AS audience,
       m.stance AS stance, m.intensity AS intensity, m.text AS text
ORDER BY date;
