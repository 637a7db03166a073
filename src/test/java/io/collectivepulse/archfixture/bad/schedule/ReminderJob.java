package io.collectivepulse.archfixture.bad.schedule;

import io.collectivepulse.archfixture.bad.community.MemberList;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A job that does the work itself, through a class that is not a service. */
public final class ReminderJob implements Job {
    private final MemberList members;

    public ReminderJob(MemberList members) {
        this.members = members;
    }

    @Override
    public void execute(JobExecutionContext context) {
        members.remindEveryone();
    }
}
