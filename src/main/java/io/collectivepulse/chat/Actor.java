package io.collectivepulse.chat;

/** The person behind a command, as the platform identifies them. */
public record Actor(Platform platform, String workspaceId, String userId, String displayName) {
    public Actor {
        displayName = Typed.clean(displayName == null || displayName.isBlank() ? userId : displayName);
    }
}
