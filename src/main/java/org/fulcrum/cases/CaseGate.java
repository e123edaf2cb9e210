package org.fulcrum.cases;

/**
 * Which cases the current user may see. Without sign-in (the command line, which opens the store
 * itself) there is no gate and every case is visible.
 */
public interface CaseGate {

  /** Whether the current user may see (and so read, analyse and change) the case. */
  boolean visible(String caseId);
}
