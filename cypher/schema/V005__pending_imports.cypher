// A new case is imported in many transactions and becomes visible only in the last one; until
// then a (:PendingImport {caseId}) marker claims its id, one import at a time.

CREATE CONSTRAINT pending_import_case IF NOT EXISTS FOR (p:PendingImport) REQUIRE p.caseId IS UNIQUE;
