package io.collectivepulse.chat;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names members go by, as their platform gives them, looked up by their id: on Slack the display name that
 * {@code users.info} gives (kept a day), on Teams the name the activity carries. Features ask it for the members a
 * card names; each platform's adapter {@linkplain #register registers} its directory, and a platform without one
 * leaves every name as it was stored.
 *
 * <p>Two ways to ask. {@link #known} never calls the platform, only reads what the bot keeps: for anything drawn
 * while a platform waits for the bot's answer (the ack path). {@link #current} may ask the platform for a name it
 * does not have or has kept more than a day: for the cards the outbox draws in the background, when they are sent.
 * Neither fails: a name that cannot be had is the one stored with what the member did (their handle at worst).
 */
public final class People {
    /** How one platform's adapter finds names. Implementations never throw. */
    public interface Directory {
        /** Names of {@code userIds} in the workspace from what is kept, without calling the platform. */
        Map<String, String> known(String workspaceId, Set<String> userIds);

        /** Same, asking the platform for a name missing or older than a day; one it could not get is left out. */
        Map<String, String> current(String workspaceId, Set<String> userIds);
    }

    private final Map<Platform, Directory> directories = new ConcurrentHashMap<>();

    /** Names on {@code platform} are looked up in {@code directory} from now on. */
    public void register(Platform platform, Directory directory) {
        directories.put(platform, directory);
    }

    /** The names of {@code members} as kept, without calling a platform (the ack path). */
    public Names known(Collection<Actor> members) {
        return lookUp(members, false);
    }

    /** The names of {@code members}, asking their platform for those missing or stale (cards drawn when sent). */
    public Names current(Collection<Actor> members) {
        return lookUp(members, true);
    }

    private Names lookUp(Collection<Actor> members, boolean ask) {
        Map<Key, Set<String>> byWorkspace = new HashMap<>();
        for (Actor member : members) {
            byWorkspace.computeIfAbsent(new Key(member.platform(), member.workspaceId(), ""),
                    k -> new LinkedHashSet<>()).add(member.userId());
        }
        Map<Key, String> names = new HashMap<>();
        byWorkspace.forEach((workspace, users) -> {
            Directory directory = directories.get(workspace.platform());
            if (directory == null) {
                return;
            }
            Map<String, String> found = ask ? directory.current(workspace.workspaceId(), users)
                    : directory.known(workspace.workspaceId(), users);
            found.forEach((user, name) -> {
                String clean = Typed.clean(name);
                if (clean != null && !clean.isBlank()) {
                    names.put(new Key(workspace.platform(), workspace.workspaceId(), user), clean.strip());
                }
            });
        });
        return new Names(Map.copyOf(names));
    }

    private record Key(Platform platform, String workspaceId, String userId) {
        static Key of(Actor member) {
            return new Key(member.platform(), member.workspaceId(), member.userId());
        }
    }

    /** Names found for some members; the others keep the name they carry. */
    public static final class Names {
        private static final Names NONE = new Names(Map.of());
        private final Map<Key, String> names;

        private Names(Map<Key, String> names) {
            this.names = names;
        }

        /** No name found: every member keeps the one they carry. */
        public static Names none() {
            return NONE;
        }

        /** The name {@code member} goes by: the one found, else the one they carry. */
        public String of(Actor member) {
            return names.getOrDefault(Key.of(member), member.displayName());
        }

        /** {@code member} with the name they go by. */
        public Actor named(Actor member) {
            String name = names.get(Key.of(member));
            return name == null ? member
                    : new Actor(member.platform(), member.workspaceId(), member.userId(), name);
        }
    }
}
