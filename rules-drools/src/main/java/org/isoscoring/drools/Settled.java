package org.isoscoring.drools;

import java.util.List;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Which rules give settled awards: a rule whose conditions match assessments only ({@link BaseSheet}, including
 * inside {@code not}, {@code exists} and {@code accumulate}). Nothing can take such an award back: a rule cannot
 * make, change or withdraw an assessment (a guidance may not {@code modify}, {@code update}, {@code delete} or
 * {@code retract}, and an assessment's constructor is not public), so the rule's match lasts the whole session.
 * Its award is therefore kept on the assessment ({@link BaseSheet#give}) instead of being inserted with truth
 * maintenance, and the assessment's settled awards enter the working memory as one {@link Tally}
 * (decision 53). Every other rule's award is an {@link Award} fact, which truth maintenance withdraws if the
 * rule's match goes.
 *
 * <p>The knowledge base of a guidance is marked once, when it is made: each rule's metadata gets a {@link Mark}
 * under {@link #KEY}, so that a firing reads whether it is settled, and its sub-criterion, in one lookup.
 */
final class Settled {

    /** The metadata key of a rule's {@link Mark}. */
    static final String KEY = "isoscoring.mark";

    /**
     * What a firing needs to know of its rule.
     *
     * @param criterion the sub-criterion of its {@code @criterion} metadata, unquoted, or "" without one
     * @param position  the sub-criterion's position in the catalog, or -1 when it is none of the catalog's
     * @param size      the number of sub-criteria of the catalog
     * @param settled   whether its awards are settled
     */
    record Mark(String criterion, int position, int size, boolean settled) {
    }

    private Settled() {
    }

    /**
     * Marks every rule of {@code kieBase}, before any session of it is made. Awards are settled only in a guidance
     * that has a rule matching {@link Tally} (its subtotal), and no rule that matches {@link Award} facts without
     * a tally: such a rule expects every award as a fact. Otherwise (for example a folder written before decision
     * 53, whose subtotal adds {@link Award} facts only) every award stays a fact, and the folder scores as it did.
     *
     * @return whether a rule matches {@link Tally}, so that the guidance's sessions need one per assessment (with
     *         no award in it when awards are not settled)
     */
    static boolean mark(KieBase kieBase, List<String> catalog) {
        boolean matchesTally = false;
        boolean matchesAwardsOnly = false;
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule rule : p.getRules()) {
                if (rule instanceof RuleImpl r) {
                    boolean tally = matches(r.getLhs(), Tally.class, false);
                    matchesTally |= tally;
                    matchesAwardsOnly |= !tally && matches(r.getLhs(), Award.class, true);
                }
            }
        }
        boolean tallied = matchesTally && !matchesAwardsOnly;
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule rule : p.getRules()) {
                if (rule instanceof RuleImpl r) {
                    String criterion = Awarding.unquoted(r.getMetaData("criterion"));
                    r.addMetaAttribute(KEY, new Mark(criterion, catalog.indexOf(criterion), catalog.size(),
                            tallied && firesBeforeTally(r) && matchesSheetsOnly(r.getLhs())));
                }
            }
        }
        return matchesTally;
    }

    /**
     * Whether a pattern of {@code element}, at any depth ({@code not}, {@code exists}, {@code forall},
     * {@code accumulate}, {@code from} sources, ...), matches facts of {@code type}: exactly that class, or, when
     * {@code orSupertypes}, also any supertype of it ({@code Object( this instanceof Award )}).
     */
    static boolean matches(RuleConditionElement element, Class<?> type, boolean orSupertypes) {
        if (element instanceof Pattern pattern) {
            // the pattern of an accumulate's result matches the result, not facts: only its source counts
            if (!(pattern.getSource() instanceof Accumulate) && pattern.getObjectType() instanceof ClassObjectType t
                    && (t.getClassType() == type || orSupertypes && t.getClassType().isAssignableFrom(type))) {
                return true;
            }
        }
        // a pattern's nested element is its source (accumulate, collect, from); a group's are its children
        List<? extends RuleConditionElement> nested = element.getNestedElements();
        if (nested != null) {
            for (RuleConditionElement e : nested) {
                if (matches(e, type, orSupertypes)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The mark of a rule; a rule of a knowledge base not marked gets unsettled awards. */
    static Mark of(Rule rule) {
        return rule.getMetaData().get(KEY) instanceof Mark mark ? mark
                : new Mark(Awarding.unquoted(rule.getMetaData().get("criterion")), -1, 0, false);
    }

    /**
     * Whether the rule fires, if at all, before its session's tallies are inserted: it is in the main agenda group
     * (a rule of another group waits for that group's focus, which a rule can give after the tallies), in no
     * rule-flow group and has no timer.
     */
    static boolean firesBeforeTally(RuleImpl rule) {
        return (rule.getAgendaGroup() == null || "MAIN".equals(rule.getAgendaGroup()))
                && (rule.getRuleFlowGroup() == null || rule.getRuleFlowGroup().isEmpty()) && rule.getTimer() == null;
    }

    /** Whether every pattern of {@code element}, nested ones included, matches assessments only. */
    static boolean matchesSheetsOnly(RuleConditionElement element) {
        if (element instanceof GroupElement group) {
            return all(group.getChildren());
        }
        if (element instanceof Pattern pattern) {
            if (pattern.getSource() != null) {
                // the result of an accumulate: what counts is what it accumulates over; any other source is not
                // known to be an assessment
                return pattern.getSource() instanceof Accumulate accumulate
                        && all(accumulate.getNestedElements());
            }
            return pattern.getObjectType() instanceof ClassObjectType type
                    && (BaseSheet.class.isAssignableFrom(type.getClassType()) || type.equals(ClassObjectType.InitialFact_ObjectType));
        }
        return false; // eval, from, collect, queries, ...: not known to match assessments only
    }

    private static boolean all(List<? extends RuleConditionElement> elements) {
        for (RuleConditionElement e : elements) {
            if (!matchesSheetsOnly(e)) {
                return false;
            }
        }
        return true;
    }
}
