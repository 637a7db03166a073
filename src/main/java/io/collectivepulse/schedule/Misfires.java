package io.collectivepulse.schedule;

import java.util.concurrent.atomic.LongAdder;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerListener;

/**
 * Counts the triggers Quartz found misfired on this replica: due while no replica could fire them (all were down,
 * or every Quartz thread was busy longer than the misfire threshold). A few after a restart are expected; a steady
 * rise means the scheduler cannot keep up.
 */
final class Misfires implements TriggerListener {
    private final LongAdder count = new LongAdder();

    long count() {
        return count.sum();
    }

    @Override
    public String getName() {
        return "pulse-misfires";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        count.increment();
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
        // Only misfires are counted.
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerComplete(Trigger trigger, JobExecutionContext context,
                                Trigger.CompletedExecutionInstruction instruction) {
        // Only misfires are counted.
    }
}
