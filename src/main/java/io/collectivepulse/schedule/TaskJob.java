package io.collectivepulse.schedule;

import java.util.Map;
import java.util.function.LongConsumer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * The one Quartz job: calls the service method a feature registered for the job's kind (its group), with the
 * id the job was planned for. A job of one key never runs twice at once, on any replica.
 */
@DisallowConcurrentExecution
final class TaskJob implements Job {
    static final String ID = "id";

    private final Map<String, LongConsumer> tasks;

    TaskJob(Map<String, LongConsumer> tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String kind = context.getJobDetail().getKey().getGroup();
        LongConsumer task = tasks.get(kind);
        if (task == null) {
            throw new JobExecutionException("No task is registered for " + kind, false);
        }
        try {
            task.accept(context.getMergedJobDataMap().getLongValueFromString(ID));
        } catch (RuntimeException e) {
            // Not refired at once: the next planned time will try again, and Quartz logs the error.
            throw new JobExecutionException(e, false);
        }
    }
}
