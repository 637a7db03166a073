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
import java.util.Optional;

/**
 * Where Bolt keeps what OAuth installations give: one bot token per workspace, in PostgreSQL so that every
 * replica sees every installation, and the OAuth states of installations under way (single use).
 */
final class SlackInstallations implements InstallationService, OAuthStateService {
    private final SlackInstallationDao dao;
    private final Clock clock;

    SlackInstallations(SlackInstallationDao dao, Clock clock) {
        this.dao = dao;
        this.clock = clock;
    }

    /** The bot token of an installed workspace. */
    Optional<String> botToken(String teamId) {
        return dao.find(teamId).map(SlackInstallationDao.Installation::botToken);
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
                installer.getBotAccessToken(), installer.getInstallerUserId(),
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
        return teamId == null ? null : dao.find(teamId).map(SlackInstallations::bot).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return teamId == null ? null : dao.find(teamId).map(SlackInstallations::installer).orElse(null);
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

    private static Bot bot(SlackInstallationDao.Installation row) {
        var bot = new DefaultBot();
        bot.setTeamId(row.teamId());
        bot.setEnterpriseId(row.enterpriseId());
        bot.setAppId(row.appId());
        bot.setBotId(row.botId());
        bot.setBotUserId(row.botUserId());
        bot.setBotScope(row.botScope());
        bot.setBotAccessToken(row.botToken());
        bot.setInstalledAt(row.installedAt().toEpochMilli());
        return bot;
    }

    private static Installer installer(SlackInstallationDao.Installation row) {
        var installer = new DefaultInstaller();
        installer.setTeamId(row.teamId());
        installer.setEnterpriseId(row.enterpriseId());
        installer.setAppId(row.appId());
        installer.setBotId(row.botId());
        installer.setBotUserId(row.botUserId());
        installer.setBotScope(row.botScope());
        installer.setBotAccessToken(row.botToken());
        installer.setInstallerUserId(row.installerUserId());
        installer.setInstalledAt(row.installedAt().toEpochMilli());
        return installer;
    }
}
