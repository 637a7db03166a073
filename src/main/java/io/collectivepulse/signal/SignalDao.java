package io.collectivepulse.signal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for weak signals. */
@RegisterConstructorMapper(Signal.class)
public interface SignalDao {

    @SqlQuery("""
            INSERT INTO signal (community_id, platform, workspace_id, channel_id, author_id, author_name, body,
                                themes, created_at)
            VALUES (:communityId, :platform, :workspaceId, :channelId, :authorId, :authorName, :body,
                    :themes, :now)
            RETURNING id, community_id, author_name, body, themes, created_at
            """)
    Signal insert(@Bind("communityId") long communityId, @Bind("platform") String platform,
                  @Bind("workspaceId") String workspaceId, @Bind("channelId") String channelId,
                  @Bind("authorId") String authorId, @Bind("authorName") String authorName,
                  @Bind("body") String body, @Bind("themes") String[] themes, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, community_id, author_name, body, themes, created_at FROM signal
            WHERE community_id = :communityId
            ORDER BY created_at DESC, id DESC
            LIMIT :limit
            """)
    List<Signal> latest(@Bind("communityId") long communityId, @Bind("limit") int limit);
}
