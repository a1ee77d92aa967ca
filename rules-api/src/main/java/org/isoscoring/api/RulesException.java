package org.isoscoring.api;

import java.util.List;
import java.util.Objects;

/**
 * A guidance whose rules cannot be loaded or that broke while scoring: a rule file does not compile, a
 * sub-criterion got no award or two, an award exceeds its maximum, the rules ran away. This is a defect of
 * the rule files, never of the request; no result is given.
 *
 * <p>Each defect is a {@link Finding}. A defect of the guidance's files (its folder read or compiled) is at its file,
 * line and column, in Vietnamese and English; a defect found while scoring ({@link #whileScoring}) has no file (file
 * {@code ""}, line and column 0) and one text, the engine's, as both messages.
 */
public final class RulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;
    private final transient List<String> messages;

    /**
     * The defects of a guidance's files.
     *
     * @param guidance the guidance's id or folder
     * @param findings every defect; {@link #messages()} gives each as {@link Finding#toString()}
     */
    public RulesException(String guidance, List<Finding> findings) {
        this(guidance, findings, findings.stream().map(Finding::toString).toList());
    }

    private RulesException(String guidance, List<Finding> findings, List<String> messages) {
        super(String.join("\n", messages).transform(m -> "the rules of guidance " + guidance + " are defective:\n" + m),
                null, false, false);
        this.findings = List.copyOf(findings);
        this.messages = List.copyOf(messages);
    }

    /**
     * Defects found while scoring, each one text with no file: a finding {@code ("", 0, 0, text, text)} each, and
     * {@link #messages()} the texts as they are.
     *
     * @param guidance the guidance's id or folder
     * @param defects  what went wrong, one text each
     * @return the exception to throw
     */
    public static RulesException whileScoring(String guidance, List<String> defects) {
        defects.forEach(d -> Objects.requireNonNull(d, "defect"));
        return new RulesException(guidance, defects.stream().map(d -> new Finding("", 0, 0, d, d)).toList(), defects);
    }

    /**
     * Every defect, in the order found.
     *
     * @return the findings, an immutable list
     */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * One line per defect, as the command line prints it: a defect of the files as {@code file:line:column: vi / en}
     * ({@link Finding#toString()}), a defect found while scoring as its text.
     *
     * @return the lines, an immutable list
     */
    public List<String> messages() {
        return messages;
    }
}
