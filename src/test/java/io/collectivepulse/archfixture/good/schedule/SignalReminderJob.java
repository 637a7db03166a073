package io.collectivepulse.archfixture.good.schedule;

import io.collectivepulse.archfixture.good.signal.SignalService;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A job that calls one service method. */
public final class SignalReminderJob implements Job {
    private final SignalService signals;

    public SignalReminderJob(SignalService signals) {
        this.signals = signals;
    }

    @Override
    public void execute(JobExecutionContext context) {
        signals.remindAuthors();
    }
}
