package org.fulcrum.cases;

import org.fulcrum.error.NotFoundException;

/** The case, or a record within it, does not exist. */
public class CaseNotFoundException extends NotFoundException {

  public CaseNotFoundException(String message) {
    super(message);
  }

  public static CaseNotFoundException caseId(String caseId) {
    return new CaseNotFoundException("no case with id '" + caseId + "'");
  }

  public static CaseNotFoundException record(String caseId, String what, String id) {
    return new CaseNotFoundException("case '" + caseId + "' has no " + what + " with id '" + id + "'");
  }
}
