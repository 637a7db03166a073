package io.collectivepulse.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.OAuthStateService;
import io.collectivepulse.i18n.Messages;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Bolt keeps what OAuth installations give: one bot token per workspace, in PostgreSQL so that every
 * replica sees every installation, encrypted there ({@link TokenCipher}), and the OAuth states of installations
 * under way (single use).
 */
final class SlackInstallations implements InstallationService, OAuthStateService {
    private static final Logger LOG = LoggerFactory.getLogger(SlackInstallations.class);
    private final SlackInstallationDao dao;
    private final TokenCipher cipher;
    private final Clock clock;

    SlackInstallations(SlackInstallationDao dao, TokenCipher cipher, Clock clock) {
        this.dao = dao;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * At start: encrypts the tokens stored in plain text (before encryption existed, or by a replica of an older
     * version during a rolling update), then decrypts one stored token, so that a wrong PULSE_ENCRYPTION_KEY stops
     * the start with one line ({@link TokenCipher.WrongKey}) instead of failing every message later. This runs in
     * Java rather than as a Flyway migration: a SQL migration has no key, and a step run at every start also
     * catches plain-text rows written after the first.
     */
    void secureStoredTokens() {
        Map<String, String> stored = dao.storedTokens();
        int encrypted = 0;
        for (var row : stored.entrySet()) {
            if (!TokenCipher.isEncrypted(row.getValue())) {
                dao.replaceToken(row.getKey(), row.getValue(), cipher.encrypt(row.getValue()));
                encrypted++;
            }
        }
        stored.values().stream().filter(TokenCipher::isEncrypted).findFirst().ifPresent(cipher::decrypt);
        if (encrypted > 0) {
            LOG.info("Encrypted {} Slack bot token(s) stored in plain text", encrypted);
        }
    }

    /** The bot token of an installed workspace. */
    Optional<String> botToken(String teamId) {
        return dao.find(teamId).map(row -> cipher.decrypt(row.botToken()));
    }

    /**
     * Forgets a workspace whose tokens Slack revoked or which removed the app: nothing of it may be used again
     * until it installs the app anew.
     */
    void forget(String teamId) {
        if (teamId != null && dao.delete(teamId) > 0) {
            LOG.info("Slack workspace {} removed the app or revoked its token: its installation is deleted", teamId);
        }
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        // Only the latest installation of each workspace is kept.
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        dao.save(new SlackInstallationDao.Installation(installer.getTeamId(), installer.getEnterpriseId(),
                installer.getAppId(), installer.getBotId(), installer.getBotUserId(), installer.getBotScope(),
                cipher.encrypt(installer.getBotAccessToken()), installer.getInstallerUserId(),
                installer.getInstalledAt() == null ? clock.instant() : Instant.ofEpochMilli(installer.getInstalledAt())));
    }

    @Override
    public void deleteBot(Bot bot) {
        dao.delete(bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        dao.delete(installer.getTeamId());
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return teamId == null ? null : dao.find(teamId).map(this::bot).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return teamId == null ? null : dao.find(teamId).map(this::installer).orElse(null);
    }

    /** What a member of a workspace without the app reads when they use a command. */
    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return Messages.of(Messages.FRENCH).get("slack.notInstalled");
    }

    @Override
    public void addNewStateToDatastore(String state) {
        dao.addState(state, clock.instant().plusSeconds(getExpirationInSeconds()));
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return dao.stateIsValid(state, clock.instant());
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        dao.deleteState(state, clock.instant());
    }

    private Bot bot(SlackInstallationDao.Installation row) {
        var bot = new DefaultBot();
        bot.setTeamId(row.teamId());
        bot.setEnterpriseId(row.enterpriseId());
        bot.setAppId(row.appId());
        bot.setBotId(row.botId());
        bot.setBotUserId(row.botUserId());
        bot.setBotScope(row.botScope());
        bot.setBotAccessToken(cipher.decrypt(row.botToken()));
        bot.setInstalledAt(row.installedAt().toEpochMilli());
        return bot;
    }

    private Installer installer(SlackInstallationDao.Installation row) {
        var installer = new DefaultInstaller();
        installer.setTeamId(row.teamId());
        installer.setEnterpriseId(row.enterpriseId());
        installer.setAppId(row.appId());
        installer.setBotId(row.botId());
        installer.setBotUserId(row.botUserId());
        installer.setBotScope(row.botScope());
        installer.setBotAccessToken(cipher.decrypt(row.botToken()));
        installer.setInstallerUserId(row.installerUserId());
        installer.setInstalledAt(row.installedAt().toEpochMilli());
        return installer;
    }
}
