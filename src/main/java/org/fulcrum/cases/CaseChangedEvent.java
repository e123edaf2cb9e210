package org.fulcrum.cases;

/** Published after a case's content changed (import, edit or delete), for caches to drop it. */
public record CaseChangedEvent(String caseId) {}
