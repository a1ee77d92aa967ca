package org.isoscoring.tests.support;

import java.util.List;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Reporter;

/**
 * Reports a falsified QuickTheories property as an {@link AssertionError} whose message a subclass writes: the seed,
 * the command that replays it, and the smallest counterexample.
 */
public abstract class SeedReporter implements Reporter {

    @Override
    public void falisification(long seed, int examplesUsed, Object smallest, Throwable cause, List<Object> others,
                               AsString<Object> asString) {
        throw new AssertionError(message(seed, examplesUsed, smallest, cause, others, asString), cause);
    }

    @Override
    public void falisification(long seed, int examplesUsed, Object smallest, List<Object> others,
                               AsString<Object> asString) {
        throw new AssertionError(message(seed, examplesUsed, smallest, null, others, asString));
    }

    @Override
    public void valuesExhausted(int examplesFound) {
        throw new IllegalStateException("gave up after " + examplesFound + " examples matching the assumptions");
    }

    /** The failure report. */
    protected abstract String message(long seed, int examplesUsed, Object smallest, Throwable cause,
                                      List<Object> others, AsString<Object> asString);
}
