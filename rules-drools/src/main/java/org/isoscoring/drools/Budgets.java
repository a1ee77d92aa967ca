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
 * <p>The rules are fired in steps of {@value #STEP}, with the clock read between steps. Only from the
 * {@code watchFrom}th firing on does a listener name the rules that fire: a loop is still firing then, and an agenda
 * listener makes Drools build two event objects per firing of a healthy session too.
 *
 * <p>Configured by system properties: {@code isoscoring.maxFiringsPerAssessment} (default
 * {@value #DEFAULT_FIRINGS}; the bundled rules need about 35) and {@code isoscoring.maxSeconds} (default
 * {@value #DEFAULT_SECONDS}, for one call).
 */
public final class Budgets extends DefaultAgendaEventListener {

    static final int DEFAULT_FIRINGS = 200;
    static final int DEFAULT_SECONDS = 30;
    /** Firings between two readings of the clock. */
    private static final int STEP = 256;

    private final KieSession session;
    private final long deadline;
    private final long watchFrom;
    private final Map<String, Integer> firings = new HashMap<>();
    private long count;
    private long watched;
    private boolean watching;
    private boolean outOfTime;

    /**
     * Budgets for a session on its own, as the officers' probes run one: its time runs out
     * {@link #maxTime()} from now, and every firing is named.
     *
     * @param session the session whose rules are fired
     */
    public Budgets(KieSession session) {
        this(session, System.nanoTime() + maxTime().toNanos(), 0);
    }

    /**
     * Budgets for one session of a call whose time runs out at {@code deadline} ({@link System#nanoTime()}), naming
     * the rules that fire from the {@code watchFrom}th firing on.
     *
     * @param session   the session whose rules are fired
     * @param deadline  when the call's time runs out, in the nanoseconds of {@link System#nanoTime()}
     * @param watchFrom the first firing whose rule is named (counted from 1; 0 or 1 names every firing)
     */
    public Budgets(KieSession session, long deadline, long watchFrom) {
        this.session = session;
        this.deadline = deadline;
        this.watchFrom = watchFrom;
    }

    /**
     * The firings allowed for each assessment (and each agency fact) of a session, from the system property
     * {@code isoscoring.maxFiringsPerAssessment}.
     *
     * @return the firings, {@value #DEFAULT_FIRINGS} by default, at least 1
     */
    public static int maxFiringsPerAssessment() {
        return Math.max(1, Integer.getInteger("isoscoring.maxFiringsPerAssessment", DEFAULT_FIRINGS));
    }

    /**
     * The time one call may take to fire its rules, from the system property {@code isoscoring.maxSeconds}.
     *
     * @return the time, {@value #DEFAULT_SECONDS} s by default, at least 1 s
     */
    public static Duration maxTime() {
        return Duration.ofSeconds(Math.max(1, Long.getLong("isoscoring.maxSeconds", DEFAULT_SECONDS)));
    }

    /**
     * Fires at most {@code limit} rules, fewer if the agenda empties or the time runs out ({@link #outOfTime()}).
     * When the time runs out before any firing was named, it fires up to {@value #STEP} more, named, to find the
     * loop (so it may fire more than {@code limit}).
     *
     * @param limit the most rules to fire
     * @return the rules fired
     */
    public long fire(long limit) {
        long fired = 0;
        while (fired < limit && !outOfTime) {
            if (!watching && count >= watchFrom - 1) { // the watchFrom-th firing is the first one named
                watching = true;
                session.addEventListener(this);
            }
            long step = Math.min(limit - fired, watching ? STEP : Math.min(STEP, watchFrom - 1 - count));
            long n = session.fireAllRules((int) step);
            fired += n;
            count += n;
            if (System.nanoTime() > deadline) {
                outOfTime = true;
            }
            if (n < step) {
                break; // nothing left to fire, or halted by the listener
            }
        }
        if (outOfTime && !watching) {
            // out of time before the watch began: fire one more step, watched, to name the rules that keep firing
            watching = true;
            session.addEventListener(this);
            long n = session.fireAllRules(STEP);
            fired += n;
            count += n;
        }
        return fired;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        if ((++watched & 255) == 0 && System.nanoTime() > deadline) {
            outOfTime = true;
            session.halt();
        }
    }

    /**
     * Whether the time ran out while the rules fired: firing then stopped, whatever was left on the agenda.
     *
     * @return {@code true} once the deadline has passed during {@link #fire(long)}
     */
    public boolean outOfTime() {
        return outOfTime;
    }

    /**
     * The rules that fired most, with their counts: the likely loop.
     *
     * @return up to three rules' names, quoted, each with its named firings, the most first
     *         ({@code "Rule A" (120), "Rule B" (60)}); empty when no firing was named
     */
    public String busiest() {
        return firings.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }
}
