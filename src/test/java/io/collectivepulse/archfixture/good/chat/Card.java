package io.collectivepulse.archfixture.good.chat;

/** What the bot shows, whatever the platform. */
public record Card(String title, String text) {
}
