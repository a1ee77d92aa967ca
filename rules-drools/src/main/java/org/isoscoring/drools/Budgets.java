package org.isoscoring.drools;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The firing and time budgets of one evaluation: rules that keep re-activating themselves, or feed each other,
 * are stopped and named instead of running forever.
 *
 * <p>Configured by system properties: {@code isoscoring.maxFiringsPerAssessment} (default
 * {@value #DEFAULT_FIRINGS}; the bundled rules need about 35) and {@code isoscoring.maxSeconds} (default
 * {@value #DEFAULT_SECONDS}, for one call).
 */
final class Budgets extends DefaultAgendaEventListener {

    static final int DEFAULT_FIRINGS = 200;
    static final int DEFAULT_SECONDS = 30;

    private final KieSession session;
    private final long deadline;
    private final long watchFrom;
    private final Map<String, Integer> firings = new HashMap<>();
    private long count;
    private boolean outOfTime;

    Budgets(KieSession session) {
        this(session, System.nanoTime() + maxTime().toNanos(), 0);
    }

    /**
     * Budgets for one session of a call whose time runs out at {@code deadline} ({@link System#nanoTime()}), naming
     * the rules that fire from the {@code watchFrom}th firing on: a loop is still firing then, and counting names
     * on every firing of a healthy session costs more than its rules.
     */
    Budgets(KieSession session, long deadline, long watchFrom) {
        this.session = session;
        this.deadline = deadline;
        this.watchFrom = watchFrom;
    }

    static int maxFiringsPerAssessment() {
        return Math.max(1, Integer.getInteger("isoscoring.maxFiringsPerAssessment", DEFAULT_FIRINGS));
    }

    static Duration maxTime() {
        return Duration.ofSeconds(Math.max(1, Long.getLong("isoscoring.maxSeconds", DEFAULT_SECONDS)));
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        if (++count >= watchFrom) {
            firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }
        if ((count & 255) == 0 && System.nanoTime() > deadline) {
            outOfTime = true;
            session.halt();
        }
    }

    boolean outOfTime() {
        return outOfTime;
    }

    long count() {
        return count;
    }

    /** The rules that fired most, with their counts: the likely loop. */
    String busiest() {
        return firings.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }
}
