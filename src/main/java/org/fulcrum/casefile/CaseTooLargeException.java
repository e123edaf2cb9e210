package org.fulcrum.casefile;

import java.util.List;

/**
 * An input that would take more memory to read than a cap allows (a zip that inflates too far):
 * refused before it is read whole, with the cap that stopped it. The API answers it 413.
 */
public class CaseTooLargeException extends CaseFormatException {

  private final String limit;
  private final long value;

  /**
   * @param limit which cap: {@code per-entry}, {@code total} (bytes) or {@code ratio}
   * @param value the cap's value (bytes, or inflated bytes per compressed byte)
   */
  public CaseTooLargeException(ImportProblem problem, String limit, long value) {
    super(List.of(problem));
    this.limit = limit;
    this.value = value;
  }

  public String limit() {
    return limit;
  }

  public long value() {
    return value;
  }
}
