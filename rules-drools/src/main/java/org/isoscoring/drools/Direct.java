package org.isoscoring.drools;

import org.isoscoring.drools.check.GuidanceCheck;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.EnabledBoolean;
import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.rule.constraint.Constraint;
import org.drools.model.BitMask;
import org.drools.model.Channel;
import org.drools.model.Drools;
import org.drools.model.DroolsEntryPoint;
import org.drools.model.Variable;
import org.drools.model.functions.BlockN;
import org.drools.model.functions.Predicate1;
import org.drools.modelcompiler.consequence.LambdaConsequence;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The rules fired without Drools' network (decision 54): a rule whose conditions are one pattern on one assessment
 * ({@code $s : Sheet( onTimeRate.atLeast(95), onTimeRate.below(98) )}) and whose consequence only gives settled
 * awards ({@code award(kcontext, $s, "8", "…", "…");}). Such a rule fires exactly once for each assessment its
 * conditions hold for, whatever else is in the session, and what it does (an award kept on the assessment,
 * {@link Settled}) no rule sees before the assessment's {@link Tally}. So each session tests these rules' compiled
 * conditions on each assessment itself, in the order Drools' alpha nodes would, and runs the compiled consequence
 * where they all hold: the same rules, compiled by Drools from the same files, with the same results, without the
 * network's tuples, agenda and truth maintenance, which cost two thirds of scoring. The rules are taken out of the
 * knowledge base the sessions are made of, so that none fires twice.
 *
 * <p>A rule is fired this way only when all of these hold, and otherwise stays in the network as before: its awards
 * are settled ({@link Settled}); its conditions are one pattern of {@link BaseSheet}, with no source, whose every
 * constraint is an alpha constraint; its consequence binds the assessment only and is award statements of string
 * literals only ({@link GuidanceCheck#awardsOnly()}, read from the rule files); it has no activation group,
 * calendar, date-effective, date-expires, auto-focus or {@code enabled} expression. If Drools' compiled rule is not
 * of the executable model's form (a lambda consequence), none is.
 */
public final class Direct {

    /** No rule fired without the network. */
    static final Direct NONE = new Direct(new Fired[0]);

    /** {@code -Disoscoring.direct=false}: every rule stays in the network (to compare, and as a way out). */
    static final String SWITCH = "isoscoring.direct";

    private final Fired[] rules;

    private Direct(Fired[] rules) {
        this.rules = rules;
    }

    /**
     * Finds the rules of {@code kieBase} to fire without the network among {@code awardsOnly} and takes them out
     * of it. {@code kieBase} must be marked ({@link Settled#mark}) and have no session yet.
     */
    static Direct take(KieBase kieBase, Set<String> awardsOnly) {
        if (awardsOnly.isEmpty() || "false".equals(System.getProperty(SWITCH))) {
            return NONE;
        }
        Field model = consequenceField();
        if (model == null) {
            return NONE;
        }
        List<Fired> found = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule rule : p.getRules()) {
                if (rule instanceof RuleImpl r && awardsOnly.contains(r.getName())) {
                    Fired fired = fired(r, model);
                    if (fired != null) {
                        found.add(fired);
                    }
                }
            }
        }
        for (Fired f : found) {
            kieBase.removeRule(f.rule.getPackageName(), f.rule.getName());
        }
        return found.isEmpty() ? NONE : new Direct(found.toArray(new Fired[0]));
    }

    /** The number of rules fired without the network. */
    int size() {
        return rules.length;
    }

    /** The rules fired without the network, in the knowledge base's order. */
    public List<Rule> rules() {
        List<Rule> list = new ArrayList<>(rules.length);
        for (Fired f : rules) {
            list.add(f.rule);
        }
        return list;
    }

    /**
     * Inserts {@code sheets} in {@code session}, then fires these rules on each of them, and returns the number of
     * firings.
     *
     * @throws Failure when a consequence fails; a failing condition throws what Drools' alpha node would
     */
    public long insertAndFire(KieSession session, List<? extends BaseSheet> sheets) {
        List<FactHandle> handles = new ArrayList<>(sheets.size());
        sheets.forEach(sheet -> handles.add(session.insert(sheet)));
        ValueResolver resolver = (ValueResolver) session; // what Drools' alpha nodes ask a constraint with
        long firings = 0;
        for (int i = 0; i < sheets.size(); i++) {
            BaseSheet sheet = sheets.get(i);
            FactHandle handle = handles.get(i);
            for (Fired rule : rules) {
                if (rule.holds(handle, sheet, resolver)) {
                    rule.execute(sheet);
                    firings++;
                }
            }
        }
        return firings;
    }

    /**
     * A consequence of a rule fired without the network failed; its message is the one Drools gives for a rule in
     * the network ({@code ConsequenceException}).
     */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String rule;

        Failure(RuleImpl rule, Throwable cause) {
            super("Exception executing consequence for rule \"" + rule.getName() + "\" in " + rule.getPackageName()
                    + ": " + cause, cause);
            this.rule = rule.getName();
        }

        /** The rule's name. */
        String rule() {
            return rule;
        }

        /** The message only, as Drools' {@code ConsequenceException} writes itself. */
        @Override
        public String toString() {
            return getMessage();
        }
    }

    private static Field consequenceField() {
        try {
            Field f = LambdaConsequence.class.getDeclaredField("consequence");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another Drools: every rule stays in the network
        }
    }

    /** The rule as fired without the network, or {@code null} when it must stay in it. */
    private static Fired fired(RuleImpl rule, Field model) {
        if (!Settled.of(rule).settled() || rule.getEnabled() != EnabledBoolean.ENABLED_TRUE
                || rule.getActivationGroup() != null && !rule.getActivationGroup().isEmpty()
                || rule.getCalendars() != null && rule.getCalendars().length > 0 || rule.getDateEffective() != null
                || rule.getDateExpires() != null || rule.hasNamedConsequences() || rule.isQuery() || rule.getAutoFocus()
                || !(rule.getConsequence() instanceof LambdaConsequence lambda)) {
            return null;
        }
        GroupElement lhs = rule.getLhs();
        if (lhs == null || !lhs.isAnd() || lhs.getChildren().size() != 1
                || !(lhs.getChildren().get(0) instanceof Pattern pattern) || pattern.getSource() != null
                || !(pattern.getObjectType() instanceof ClassObjectType type) || !BaseSheet.class.isAssignableFrom(type.getClassType())
                || pattern.getDeclaration() == null) {
            return null;
        }
        List<AlphaNodeFieldConstraint> constraints = new ArrayList<>();
        List<Predicate1<Object>> tests = new ArrayList<>();
        for (Constraint c : pattern.getConstraints()) {
            if (!(c instanceof AlphaNodeFieldConstraint alpha) || c.getType() != Constraint.ConstraintType.ALPHA) {
                return null;
            }
            constraints.add(alpha);
            tests.add(test(alpha));
        }
        org.drools.model.Consequence consequence;
        try {
            consequence = (org.drools.model.Consequence) model.get(lambda);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        Variable<?>[] variables = consequence == null ? null : consequence.getVariables();
        if (variables == null || !consequence.isUsingDrools() || variables.length != 1 || !variables[0].isFact()
                || !pattern.getDeclaration().getIdentifier().equals(variables[0].getName())) {
            return null;
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Predicate1<Object>[] compiled = tests.toArray(new Predicate1[0]);
        return new Fired(rule, constraints.toArray(new AlphaNodeFieldConstraint[0]), compiled, consequence.getBlock(),
                new Context(rule, Settled.of(rule)));
    }

    /**
     * The executable model's compiled test of a constraint on the pattern's fact alone ({@code onTimeRate.atLeast(95)}),
     * which the constraint itself applies to the fact of the handle it is given; {@code null} for another kind of
     * constraint, then asked as the alpha node asks it.
     */
    @SuppressWarnings("unchecked")
    private static Predicate1<Object> test(AlphaNodeFieldConstraint constraint) {
        if (constraint instanceof LambdaConstraint lambda && lambda.getRequiredDeclarations().length == 0
                && !lambda.getEvaluator().isTemporal()
                && lambda.getEvaluator().getConstraint().getVariables().length == 1) {
            try {
                return lambda.getEvaluator().getConstraint().getPredicate1();
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** A rule fired without the network: its compiled conditions and consequence. */
    private record Fired(RuleImpl rule, AlphaNodeFieldConstraint[] constraints, Predicate1<Object>[] tests,
                         BlockN block, Context context) {

        /**
         * Whether every constraint holds for the fact of {@code handle}, asked in order as Drools' alpha nodes
         * would: by its compiled test, or by the constraint itself. When a test throws, the constraint is asked,
         * so that the failure is the one Drools reports.
         */
        boolean holds(FactHandle handle, Object fact, ValueResolver session) {
            for (int i = 0; i < constraints.length; i++) {
                Predicate1<Object> test = tests[i];
                boolean holds;
                if (test == null) {
                    holds = constraints[i].isAllowed(handle, session);
                } else {
                    try {
                        holds = test.test(fact);
                    } catch (Exception e) {
                        holds = constraints[i].isAllowed(handle, session); // throws Drools' own failure
                    }
                }
                if (!holds) {
                    return false;
                }
            }
            return true;
        }

        void execute(BaseSheet sheet) {
            try {
                block.execute(context, sheet);
            } catch (Exception e) {
                throw new Failure(rule, e);
            }
        }
    }

    /**
     * The {@code kcontext} of a rule fired without the network: its rule and its mark, which {@link Awards#award}
     * reads. A settled award needs nothing else, and the consequence holds award statements only.
     */
    private static final class Context implements Drools, RuleContext, Awarding.Site {
        private final RuleImpl rule;
        private final Settled.Mark mark;
        /** What its last award statement said; immutable, so a firing on another thread sees it whole or not. */
        private Awarding.Said said;

        Context(RuleImpl rule, Settled.Mark mark) {
            this.rule = rule;
            this.mark = mark;
        }

        @Override
        public Rule getRule() {
            return rule;
        }

        @Override
        public Settled.Mark mark() {
            return mark;
        }

        @Override
        public Awarding.Said said(String points, String reason, String reasonEn) {
            Awarding.Said last = said;
            if (last == null || !last.same(points, reason, reasonEn)) {
                last = Awarding.Said.of(points, reason, reasonEn);
                said = last;
            }
            return last;
        }

        private IllegalStateException unsupported() {
            return new IllegalStateException("rule \"" + rule.getName() + "\" is fired without the network and may "
                    + "only give awards");
        }

        @Override
        public Match getMatch() {
            throw unsupported();
        }

        @Override
        public FactHandle insertLogical(Object object) {
            throw unsupported();
        }

        @Override
        public FactHandle insertLogical(EntryPoint ep, Object object) {
            throw unsupported();
        }

        @Override
        public void blockMatch(Match match) {
            throw unsupported();
        }

        @Override
        public void unblockAllMatches(Match match) {
            throw unsupported();
        }

        @Override
        public void cancelMatch(Match match) {
            throw unsupported();
        }

        @Override
        public KieRuntime getKieRuntime() {
            throw unsupported();
        }

        @Override
        @Deprecated
        public KieRuntime getKnowledgeRuntime() {
            throw unsupported();
        }

        @Override
        public <T> T getRuntime(Class<T> runtimeClass) {
            throw unsupported();
        }

        @Override
        public <T> T getContext(Class<T> contextClass) {
            throw unsupported();
        }

        @Override
        public DroolsEntryPoint getEntryPoint(String name) {
            throw unsupported();
        }

        @Override
        public void halt() {
            throw unsupported();
        }

        @Override
        public void setFocus(String focus) {
            throw unsupported();
        }

        @Override
        public Channel getChannel(String name) {
            throw unsupported();
        }

        @Override
        public void logicalInsert(Object object) {
            throw unsupported();
        }

        @Override
        public void insertAsync(Object object) {
            throw unsupported();
        }

        @Override
        public void insert(Object object) {
            throw unsupported();
        }

        @Override
        public void insert(Object object, boolean dynamic) {
            throw unsupported();
        }

        @Override
        public void update(Object object, String... modifiedProperties) {
            throw unsupported();
        }

        @Override
        public void update(Object object, BitMask modifiedProperties) {
            throw unsupported();
        }

        @Override
        public void delete(Object object) {
            throw unsupported();
        }
    }
}
