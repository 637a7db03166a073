package io.collectivepulse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A card kept in an outbox row (a notice, a private question) comes back whole: links, menus, confirmations. */
class CardJsonTest {
    @Test
    void aCardWithALinkSecondaryButtonsAndAConfirmationSurvivesTheOutbox() {
        var confirm = new Button.Confirm("Supprimer ce signal ?", "C'est définitif.", "Supprimer", "Annuler", true);
        var item = new Card.Item("Texte", "anne", List.of("rh"), List.of(
                Button.action("Je le vois aussi (0)", "signal.vote", "7"),
                Button.personal("Modifier", "signal.edit", "7").inOverflow(),
                Button.personal("Supprimer", "signal.deleteConfirmed", "7").confirmed(confirm)), false, null,
                Link.to("https://www.insee.fr/fr/statistiques/8000000"));
        var card = new Card("Titre", List.of(item, Card.Item.of("Sans lien")), "Pied");
        assertThat(CardJson.read(CardJson.write(card))).isEqualTo(card);
    }
}
