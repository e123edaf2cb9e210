// Users and personal API tokens: one user per name, one token per hash.

CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:FulcrumUser) REQUIRE u.username IS UNIQUE;

CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;

CREATE CONSTRAINT case_access IF NOT EXISTS FOR (a:CaseAccess) REQUIRE a.caseId IS UNIQUE;
