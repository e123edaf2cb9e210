package org.fulcrum.opendata;

/** One step of the pipeline: reads its files (streaming) and adds to the draft. */
public interface BuildStep {

  OpenDataSource source();

  /** What the step added, for the build report. */
  record Outcome(OpenDataSource source, int rowsRead, int rowsUsed, int actorsAdded, int tiesAdded,
      String note) {}

  Outcome apply(CaseDraft draft);
}
