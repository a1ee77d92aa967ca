package org.isoscoring.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that cannot be scored. It is rejected whole: no partial result exists. The exception carries
 * every problem found, each with its place in the request.
 */
public final class RequestRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * The rejection of a request, with every problem found.
     *
     * @param problems every problem found, in the order of the request; at least one
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public RequestRejectedException(List<Problem> problems) {
        super(describe(problems), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejected request has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem found, in the order of the request.
     *
     * @return the problems, at least one; an immutable list
     */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n", "the request is rejected (" + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + "):\n", ""));
    }
}
