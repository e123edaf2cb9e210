// The append-only change history: one (:Change) per import, create, update and delete, read per
// case newest first. A case's changes are numbered 1, 2, 3... by its (:ChangeCounter), whose write
// lock serialises concurrent changes; two writers cannot take one number.

CREATE CONSTRAINT change_counter_case IF NOT EXISTS FOR (k:ChangeCounter) REQUIRE k.caseId IS UNIQUE;

CREATE CONSTRAINT change_case_seq IF NOT EXISTS FOR (c:Change) REQUIRE (c.caseId, c.seq) IS UNIQUE;
