package org.isoscoring.drools;

import java.util.Map;

/**
 * The figures a rule reports for a group ({@code report(kcontext, "districts", $d, "communes", $n, …)}).
 *
 * @param group   the group's id
 * @param agency  the agency the report is of, or {@code null} for the whole request
 * @param figures the figures by name, as the rule gave them
 * @param rule    the rule that reported them
 */
public record Figures(String group, String agency, Map<String, Object> figures, String rule) {

    /** The value of a figure whose name has no value after it. */
    static final Object MISSING = new Object();
}
