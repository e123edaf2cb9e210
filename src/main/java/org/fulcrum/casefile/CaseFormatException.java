package org.fulcrum.casefile;

import java.util.List;

/** An input that cannot become a case; carries every problem found, not just the first. */
public class CaseFormatException extends RuntimeException {

  private final List<ImportProblem> problems;

  public CaseFormatException(List<ImportProblem> problems) {
    super(problems.size() + " problem(s): " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<ImportProblem> problems() {
    return problems;
  }
}
