package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/** The tie categories the analyses share, read from {@link TieType}. */
class TieCategoriesTest {

  @Test
  void commandTiesAreCommandsAndControls() {
    assertThat(Arrays.stream(TieType.values()).filter(TieType::isCommand))
        .containsExactlyInAnyOrder(TieType.COMMANDS, TieType.CONTROLS);
  }

  @Test
  void supplyTiesAreTheFiveWithdrawableResources() {
    assertThat(Arrays.stream(TieType.values()).filter(TieType::isSupply))
        .containsExactlyInAnyOrder(TieType.SUPPLIES_ARMS, TieType.TRADES_WITH, TieType.PROVIDES_AID,
            TieType.FINANCES, TieType.INVESTS_IN);
  }

  @Test
  void shieldTiesAreSuppliesCoverAndAlliances() {
    assertThat(Arrays.stream(TieType.values()).filter(TieType::isShield))
        .containsExactlyInAnyOrder(TieType.SUPPLIES_ARMS, TieType.TRADES_WITH, TieType.PROVIDES_AID,
            TieType.FINANCES, TieType.INVESTS_IN, TieType.SHIELDS, TieType.ALLIED_WITH);
  }
}
