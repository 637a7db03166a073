package io.collectivepulse.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void splitsTheFirstWordFromTheRest() {
        assertThat(Keywords.firstWord("  LIER  DRH  publics ")).isEqualTo("lier");
        assertThat(Keywords.afterFirstWord("  LIER  DRH  publics ")).isEqualTo("  DRH  publics");
        assertThat(Keywords.firstWord("")).isEmpty();
        assertThat(Keywords.afterFirstWord("aide")).isEmpty();
        assertThat(Keywords.firstWord("signal\nligne")).isEqualTo("signal");
    }
}
