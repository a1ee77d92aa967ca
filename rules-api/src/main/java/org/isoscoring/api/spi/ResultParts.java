package org.isoscoring.api.spi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.isoscoring.api.AssessmentResult;
import org.isoscoring.api.Explanation;

/**
 * For engines, not for callers: the parts of an {@link AssessmentResult} that an engine scoring many assessments of
 * one catalog makes without copying. A result keeps a part made here as it is (it is immutable), and copies any other
 * map or list it is given; the two are equal, so a caller cannot tell them apart.
 *
 * <p>The engine found through {@link org.isoscoring.api.ScoringEngine#create()} uses these; a caller building an
 * {@link AssessmentResult} (in a test, say) passes ordinary maps and lists.
 */
public final class ResultParts {

    private ResultParts() {
    }

    /**
     * Points by sub-criterion: an immutable map in the order of {@code criteria}. It shares {@code criteria} (when
     * it is an immutable list) with every map made from it, and copies only the points.
     *
     * @param criteria the sub-criteria, each once
     * @param points   their points, in the same order
     * @return the map, which {@link AssessmentResult} keeps as it is
     * @throws IllegalArgumentException when the sizes differ or a sub-criterion is given twice
     * @throws NullPointerException     when a point is {@code null}
     */
    public static Map<String, BigDecimal> pointsInOrder(List<String> criteria, BigDecimal... points) {
        return new PointsInOrder(criteria, points);
    }

    /**
     * An immutable list of {@code size} explanations, each made by {@code make} the first time it is read, and kept.
     * Writing the reasons of a national request's 390,000 explanations is most of the time of scoring it; a caller
     * that reads totals and ratings only does not pay for them. {@code make} must give equal explanations for equal
     * indexes, from any thread.
     *
     * @param size the number of explanations
     * @param make makes the explanation of an index, from 0 to {@code size - 1}
     * @return the list, which {@link AssessmentResult} keeps as it is
     * @throws IllegalArgumentException when {@code size} is negative
     */
    public static List<Explanation> explanationsOnRead(int size, IntFunction<Explanation> make) {
        return new ExplanationsOnRead(size, make);
    }

    /**
     * Whether {@code part} was made here, and so is immutable and kept as it is by {@link AssessmentResult}.
     *
     * @param part a map of points or a list of explanations
     * @return {@code true} for a part made by {@link #pointsInOrder} or {@link #explanationsOnRead}
     */
    public static boolean kept(Object part) {
        return part instanceof PointsInOrder || part instanceof ExplanationsOnRead;
    }
}
