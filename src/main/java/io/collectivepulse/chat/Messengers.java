package io.collectivepulse.chat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends each card through the messenger of its channel's platform; a platform not configured drops it. */
public final class Messengers implements Messenger {
    private static final Logger LOG = LoggerFactory.getLogger(Messengers.class);

    private final Map<Platform, Messenger> byPlatform = new EnumMap<>(Platform.class);

    /** Adds the messenger of a platform; call while wiring the service, before it serves requests. */
    public Messengers register(Platform platform, Messenger messenger) {
        byPlatform.put(platform, messenger);
        return this;
    }

    @Override
    public Optional<String> post(ChannelRef channel, Card card) {
        Messenger messenger = byPlatform.get(channel.platform());
        if (messenger == null) {
            LOG.warn("Cannot post to {}: {} is not configured on this server", channel, channel.platform());
            return Optional.empty();
        }
        return messenger.post(channel, card);
    }

    @Override
    public void notify(ChannelRef channel, String userId, Card card) {
        Messenger messenger = byPlatform.get(channel.platform());
        if (messenger != null) {
            messenger.notify(channel, userId, card);
        }
    }

    @Override
    public boolean update(ChannelRef channel, String messageId, Card card) {
        Messenger messenger = byPlatform.get(channel.platform());
        return messenger != null && messenger.update(channel, messageId, card);
    }
}
