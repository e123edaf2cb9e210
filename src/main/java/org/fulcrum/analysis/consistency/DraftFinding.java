package org.fulcrum.analysis.consistency;

import java.util.List;

/** A finding before its share of the score is known: what it is, the messages behind it, why. */
record DraftFinding(FindingKind kind, List<ReviewedMessage> cited, String explanation) {}
