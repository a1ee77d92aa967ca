package org.isoscoring.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A guidance whose rules cannot be loaded or that broke while scoring: a rule file does not compile, a
 * sub-criterion got no award or two, an award exceeds its maximum, the rules ran away. This is a defect of
 * the rule files, never of the request; no result is given.
 */
public final class RulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> messages;

    public RulesException(String guidance, List<String> messages) {
        super(messages.stream().collect(Collectors.joining("\n",
                "the rules of guidance " + guidance + " are defective:\n", "")), null, false, false);
        this.messages = List.copyOf(messages);
    }

    /** One line per defect, each starting with the file or rule it concerns where that is known. */
    public List<String> messages() {
        return messages;
    }
}
