package io.collectivepulse.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignalTextTest {

    @Test
    void trailingThemesLeaveTheBodyInlineOnesStay() {
        SignalText parsed = SignalText.parse("Le #télétravail progresse chez les DRH #RH #temps-de-travail");
        assertThat(parsed.body()).isEqualTo("Le #télétravail progresse chez les DRH");
        assertThat(parsed.themes()).containsExactly("télétravail", "rh", "temps-de-travail");
    }

    @Test
    void entitiesAnchorsAndDuplicatesAreNotThemes() {
        SignalText parsed = SignalText.parse("Voir https://ex.org/page#section et C# &#35; #rh #RH");
        assertThat(parsed.themes()).containsExactly("rh");
        assertThat(parsed.body()).isEqualTo("Voir https://ex.org/page#section et C# &#35;");
    }

    @Test
    void onlyThemesMeansNoBody() {
        assertThat(SignalText.parse("#a #b").body()).isEmpty();
    }
}
