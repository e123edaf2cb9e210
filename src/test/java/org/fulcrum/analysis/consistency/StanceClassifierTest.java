package org.fulcrum.analysis.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import org.fulcrum.casefile.Stance;
import org.junit.jupiter.api.Test;

class StanceClassifierTest {

  final StanceClassifier classifier = StanceClassifier.bundled();

  @Test
  void cuesAreWholeWordsAndAStarMatchesAPrefix() {
    // "condemn*" (2.0) matches "condemned"; nothing else in the text is a cue
    var d = classifier.classify("The minister condemned the attack on the camp.");
    assertThat(d.stance()).isEqualTo(Stance.CONDEMNATION);
    assertThat(d.cues()).containsExactly("condemn*");
    // "must" is a whole word: "mustard" is not a demand
    assertThat(classifier.classify("They traded mustard seed.").stance()).isNull();
  }

  @Test
  void theHighestScoringStanceWinsAndItsCuesAreTheEvidence() {
    // threat: "warn*" 1.2 + "consequences" 1.2 = 2.4; demand: "must" 1.0
    var d = classifier.classify("We warn Khartoum: it must stop, or face the consequences.");
    assertThat(d.stance()).isEqualTo(Stance.THREAT);
    assertThat(d.cues()).contains("warn*", "consequences");
  }

  @Test
  void equalScoresAreBrokenByTheLexiconsTieOrder() {
    // "deplor*" (condemnation 1.5) against "welcom*" (reassurance 1.5): condemnation comes first
    assertThat(classifier.classify("We deplore the raid but welcome the talks.").stance())
        .isEqualTo(Stance.CONDEMNATION);
  }

  @Test
  void intensityStartsFromTheStanceAndMovesWithIntensifiersAndSofteners() {
    // demand base 0.6, "immediately" +0.1, "must" +0.05 -> 0.75
    assertThat(classifier.classify("The government must disarm the militia immediately.").intensity())
        .isEqualTo(0.75);
    // demand base 0.6, "may" -0.05, "consider" -0.1 -> 0.45
    assertThat(classifier.classify("The Council asked that it may consider the request.").intensity())
        .isEqualTo(0.45);
    assertThat(classifier.intensity(Stance.ACCOMMODATION, "")).isEqualTo(0.4);
  }

  @Test
  void aTextWithoutCuesIsUnclassifiedNotGuessed() {
    var d = classifier.classify("The delegation arrived on Tuesday.");
    assertThat(d.classified()).isFalse();
    assertThat(d.intensity()).isNull();
    assertThat(classifier.classify(null).classified()).isFalse();
  }

  @Test
  void actionCuesRecordMeasuresTaken() {
    assertThat(classifier.recordsAction("Treasury designated 31 companies.")).isTrue();
    assertThat(classifier.recordsAction("We will consider sanctions.")).isFalse();
  }

  /**
   * The accuracy reported in docs/message-consistency.md: every curated message of the three cases
   * classified with its stance hidden. The lexicon was revised once after a first run on this same
   * sample (60.5% before, see the docs), so this is an in-sample figure; the floor only guards
   * against regressions.
   */
  @Test
  void accuracyOnTheCuratedMessages() {
    var result = StanceClassifierEvaluation.evaluate(classifier);
    System.out.print(StanceClassifierEvaluation.markdown(result));
    assertThat(result.rows()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.6);
  }
}
