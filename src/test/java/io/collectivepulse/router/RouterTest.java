package io.collectivepulse.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.CommandEntry.Flag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Routing without any feature of the product: two made-up features register, members type and press. */
class RouterTest {
    private static final ChannelRef SLACK = new ChannelRef(Platform.SLACK, "T0", "C0");
    private static final ChannelRef TEAMS = new ChannelRef(Platform.TEAMS, "tenant", "19:c");
    private static final Actor ANNE = new Actor(Platform.SLACK, "T0", "U0ANNE", "anne");

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Router router = new Router(channel -> channel.platform() == Platform.TEAMS ? Locale.ENGLISH
            : Locale.FRENCH)
            .add(registry -> registry.root("signal", Words.of("signal", "signal"))
                    .otherwise("signal", "help.signal", answer("post"), Flag.TEAMS_MENU)
                    .command("signal", Words.of("liste", "list"), argument -> argument.isEmpty()
                            || argument.startsWith("#"), "help.signal.list", answer("list"), Flag.TEAMS_MENU)
                    .buttons("signal.", press -> answer("press " + press.action()).handle(null))
                    .form("signal.create", press -> answer("form " + press.field("text")).handle(null))
                    .privateButtons("vote.", press -> answer("secret " + press.pressId()).handle(null)))
            .add(registry -> registry.command(Router.DEFAULT_ROOT, Words.of("inviter", "invite"), "help.invite",
                    request -> {
                        throw new IllegalStateException("the database is down");
                    }, Flag.FACILITATORS));

    private CommandHandler answer(String what) {
        return request -> {
            calls.add(what + (request == null ? "" : " [" + request.argument() + "]"));
            return Reply.none();
        };
    }

    private static String text(Reply reply) {
        Card card = reply.card();
        StringBuilder out = new StringBuilder(card.title() == null ? "" : card.title() + "\n");
        card.items().forEach(item -> out.append(item.text()).append('\n'));
        return out.append(card.footer() == null ? "" : card.footer()).toString();
    }

    @Test
    void whatIsHandledInAChannelNamesItsWorkspaceAndCommunityOnTheLogLinesThenPutsThemBack() {
        List<String> seen = new CopyOnWriteArrayList<>();
        CommandHandler record = request -> {
            seen.add(MDC.get("workspace") + " " + MDC.get("community"));
            return Reply.none();
        };
        Router routed = new Router(channel -> Locale.FRENCH, channel -> Locale.FRENCH,
                channel -> channel.equals(SLACK) ? java.util.Optional.of(42L) : java.util.Optional.empty())
                .add(registry -> registry.root("signal", Words.of("signal", "signal"))
                        .otherwise("signal", "help.signal", record)
                        .buttons("signal.", press -> record.handle(null)));
        MDC.put("workspace", "outer");

        routed.handle(new Command(ANNE, SLACK, "signal", "Un signal"));
        routed.press(new ButtonPress(ANNE, TEAMS, "signal.vote", "1"));

        assertThat(seen).containsExactly("T0 42", "tenant null");
        assertThat(MDC.get("workspace")).isEqualTo("outer");
        assertThat(MDC.get("community")).isNull();
        MDC.clear();
    }

    @Test
    void aSubCommandTakesOnlyTheArgumentsItAcceptsAndTheRootHandlesTheRest() {
        router.handle(new Command(ANNE, SLACK, "signal", "  LISTE  #rh "));
        router.handle(new Command(ANNE, SLACK, "signal", "liste des courses pour la séance"));
        router.handle(new Command(ANNE, SLACK, "signal", "list"));
        router.handle(new Command(ANNE, SLACK, "signal", ""));

        assertThat(calls).containsExactly("list [#rh]", "post [liste des courses pour la séance]", "list []",
                "post []");
    }

    @Test
    void aMessageStartsWithARootWordOrGoesToTheDefaultRoot() {
        router.handleMessage(ANNE, TEAMS, "Signal Les usagers prennent rendez-vous");
        Reply unknown = router.handleMessage(ANNE, TEAMS, "bonjour à tous");

        assertThat(calls).containsExactly("post [Les usagers prennent rendez-vous]");
        assertThat(text(unknown)).contains("bonjour", "invite").doesNotContain("pulse invite");
    }

    @Test
    void theHelpListsExactlyWhatIsRegisteredAsTypedOnEachPlatformAndLanguage() {
        String slack = text(router.handle(new Command(ANNE, SLACK, "pulse", "aide")));
        String teams = text(router.handleMessage(ANNE, TEAMS, "help"));

        assertThat(slack).contains("/signal <texte> [#thème…] — ", "/signal liste [#thème] — ",
                "/pulse aide — ", "Pour l'équipe d'animation :", "/pulse inviter — ", "anglais fonctionnent aussi : list, invite, help");
        assertThat(slack.indexOf("/pulse inviter")).isGreaterThan(slack.indexOf("Pour l'équipe d'animation"));
        assertThat(slack).doesNotContain("/veille", "digest", "/pulse lier");
        assertThat(teams).contains("signal <text> [#theme…] — ", "signal list [#theme] — ", "\nhelp — ",
                "\ninvite — ", "French keywords work too: liste, inviter, aide").doesNotContain("/", "pulse invite");
    }

    @Test
    void buttonsAndFormsGoToTheirFeatureAndAnUnknownOneGetsAPoliteAnswer() {
        router.press(new ButtonPress(ANNE, SLACK, "signal.vote", "42"));
        router.press(new ButtonPress(ANNE, SLACK, "signal.create", "", Map.of("text", "Un signal")));
        Reply unknown = router.press(new ButtonPress(ANNE, SLACK, "poll.vote", "1"));

        assertThat(calls).containsExactly("press signal.vote", "form Un signal");
        assertThat(text(unknown).strip()).isEqualTo(Messages.of(Locale.FRENCH).get("action.unknown"));
    }

    @Test
    void privateButtonsAreRoutedLikeOthersAndTheBridgesAreToldNotToRememberThem() {
        router.press(new ButtonPress(ANNE, SLACK, "vote.3", "2", Map.of(), "1733131200.123456"));

        assertThat(calls).containsExactly("secret 1733131200.123456");
        assertThat(router.isPrivate("vote.3")).isTrue();
        assertThat(router.isPrivate("signal.vote")).isFalse();
        assertThat(router.isPrivate(null)).isFalse();
        assertThatThrownBy(() -> new Router(channel -> Locale.FRENCH)
                .add(registry -> registry.buttons("poll.", press -> Reply.none())
                        .privateButtons("poll.vote.", press -> Reply.none())))
                .hasMessageContaining("overlaps");
    }

    @Test
    void aFailingHandlerGetsAPoliteAnswerInTheChannelsLanguage() {
        Reply reply = router.handle(new Command(ANNE, SLACK, "pulse", "inviter"));

        assertThat(reply.privately()).isTrue();
        assertThat(text(reply).strip()).isEqualTo(Messages.of(Locale.FRENCH).get("error.unexpected"));
    }

    @Test
    void twoFeaturesCannotClaimTheSameWordsButtonsOrForms() {
        assertThatThrownBy(() -> router.add(registry -> registry.command("signal", Words.of("lister", "list"),
                "help.signal.list", answer("again")))).hasMessageContaining("clashes");
        assertThatThrownBy(() -> router.add(registry -> registry.root("veille", Words.of("veille", "signal"))))
                .hasMessageContaining("signal");
        assertThatThrownBy(() -> router.add(registry -> registry.buttons("signal.vote.", press -> Reply.none())))
                .hasMessageContaining("overlaps");
        assertThatThrownBy(() -> router.add(registry -> registry.form("signal.create", press -> Reply.none())))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> router.add(registry -> registry.command("session", Words.of("plan", "plan"),
                "help.session", answer("plan")))).hasMessageContaining("declare it first");
        assertThatThrownBy(() -> router.add(registry -> registry.command("signal", Words.of("aide", "aid"),
                "help.signal", answer("aid")))).hasMessageContaining("help");
    }
}
