package io.collectivepulse.schedule;

import io.collectivepulse.digest.DigestService;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Posts one community's weekly digest; the community id is in the job's data. */
@DisallowConcurrentExecution
public final class DigestJob implements Job {
    static final String COMMUNITY_ID = "communityId";

    private final DigestService digests;

    public DigestJob(DigestService digests) {
        this.digests = digests;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            digests.publish(context.getMergedJobDataMap().getLongValueFromString(COMMUNITY_ID));
        } catch (RuntimeException e) {
            // Not refired at once: the next week's trigger will try again, and the error is logged by Quartz.
            throw new JobExecutionException(e, false);
        }
    }
}
