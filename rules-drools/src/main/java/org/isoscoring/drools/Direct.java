package org.isoscoring.drools;

import org.isoscoring.drools.check.GuidanceCheck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.drools.model.Model;
import org.drools.model.Variable;
import org.drools.model.functions.BlockN;
import org.drools.model.functions.Predicate1;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * calendar, date-effective, date-expires, auto-focus or {@code enabled} expression.
 *
 * <p>The consequence is the one of the executable model's own rule of the same package and name: the published
 * {@link Model#getRules()}, {@link org.drools.model.Rule#getDefaultConsequence()} and
 * {@link org.drools.model.Consequence#getBlock()}, of the models the knowledge base was built from (the bundled
 * guidances) or of the same model classes, loaded from the compiled folder's class loader. When they cannot be
 * reached (another Drools), no rule is fired this way: every rule stays in the network, with the same results, and
 * a warning is logged once.
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
     * How many times the executable model's consequences could not be reached and every rule stayed in the network
     * ({@link #take}); the warning is logged the first time only.
     */
    static final AtomicInteger FALLBACKS = new AtomicInteger();

    private static final Logger LOG = LoggerFactory.getLogger(Direct.class);

    /**
     * Finds the rules of {@code kieBase} to fire without the network among {@code awardsOnly} and takes them out
     * of it. {@code kieBase} must be marked ({@link Settled#mark}) and have no session yet. {@code models} are the
     * executable model's rules of {@code kieBase} (its {@link Model}s), or {@code null} when they cannot be had:
     * then every rule stays in the network.
     */
    static Direct take(KieBase kieBase, Collection<? extends Model> models, Set<String> awardsOnly) {
        if (awardsOnly.isEmpty() || "false".equals(System.getProperty(SWITCH))) {
            return NONE;
        }
        Map<String, org.drools.model.Rule> byName = byName(models);
        if (byName == null) {
            return fallBack("no executable model / không có mô hình thực thi");
        }
        List<Fired> found = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule rule : p.getRules()) {
                if (rule instanceof RuleImpl r && awardsOnly.contains(r.getName())) {
                    Shape shape = shape(r);
                    if (shape == null) {
                        continue; // stays in the network
                    }
                    org.drools.model.Rule modelRule = byName.get(key(r.getPackageName(), r.getName()));
                    org.drools.model.Consequence consequence = modelRule == null
                            || modelRule.getConsequences() == null || modelRule.getConsequences().size() != 1
                            ? null : modelRule.getDefaultConsequence();
                    if (consequence == null || consequence.getBlock() == null) {
                        return fallBack("rule \"" + r.getName() + "\" has no default consequence in the executable "
                                + "model / quy tắc không có hệ quả mặc định trong mô hình thực thi");
                    }
                    Fired fired = fired(r, shape, consequence);
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

    /** The executable model's rules by package and name, or {@code null} when there are none to be had. */
    private static Map<String, org.drools.model.Rule> byName(Collection<? extends Model> models) {
        if (models == null || models.isEmpty()) {
            return null;
        }
        Map<String, org.drools.model.Rule> byName = new HashMap<>();
        try {
            for (Model model : models) {
                for (org.drools.model.Rule rule : model.getRules()) {
                    byName.put(key(rule.getPackage(), rule.getName()), rule);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        return byName.isEmpty() ? null : byName;
    }

    private static String key(String pkg, String name) {
        return pkg + '\u0000' + name;
    }

    /**
     * No rule is fired without the network: said once (in Vietnamese and English), since scoring is then about half
     * as fast, with the same results.
     */
    private static Direct fallBack(String why) {
        if (FALLBACKS.getAndIncrement() == 0) {
            LOG.warn("Không lấy được hệ quả đã biên dịch của quy tắc từ mô hình thực thi của Drools ({}): mọi quy tắc "
                    + "ở lại trong mạng Rete, kết quả không đổi nhưng chấm điểm chậm khoảng gấp đôi (quyết định 54). / "
                    + "The rules' compiled consequences cannot be reached through Drools' executable model ({}): "
                    + "every rule stays in the network; the results are the same, but scoring is about half as "
                    + "fast (decision 54).", why, why);
        }
        return NONE;
    }

    /** The number of rules fired without the network. */
    int size() {
        return rules.length;
    }

    /**
     * The rules fired without the network, in the knowledge base's order.
     *
     * @return a new list of the rules; empty when none is fired without the network
     */
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
     * @param session the session the sheets go in, made of the guidance's knowledge base
     * @param sheets the assessments to insert and fire the rules on
     * @return the number of rule firings on the sheets
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

    /** What {@link #shape} found of a rule: its one pattern's alpha constraints and their compiled tests. */
    private record Shape(Pattern pattern, AlphaNodeFieldConstraint[] constraints, Predicate1<Object>[] tests) {
    }

    /**
     * The pattern and constraints of a rule whose attributes and conditions let it fire without the network, or
     * {@code null} when it must stay in it.
     */
    private static Shape shape(RuleImpl rule) {
        if (!Settled.of(rule).settled() || rule.getEnabled() != EnabledBoolean.ENABLED_TRUE
                || rule.getActivationGroup() != null && !rule.getActivationGroup().isEmpty()
                || rule.getCalendars() != null && rule.getCalendars().length > 0 || rule.getDateEffective() != null
                || rule.getDateExpires() != null || rule.hasNamedConsequences() || rule.isQuery() || rule.getAutoFocus()
                || rule.getConsequence() == null) {
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
        @SuppressWarnings({"unchecked", "rawtypes"})
        Predicate1<Object>[] compiled = tests.toArray(new Predicate1[0]);
        return new Shape(pattern, constraints.toArray(new AlphaNodeFieldConstraint[0]), compiled);
    }

    /**
     * The rule as fired without the network, with the executable model's consequence of it, or {@code null} when
     * the consequence binds more than the pattern's assessment (it must then stay in the network).
     */
    private static Fired fired(RuleImpl rule, Shape shape, org.drools.model.Consequence consequence) {
        Variable<?>[] variables = consequence.getVariables();
        if (variables == null || !consequence.isUsingDrools() || variables.length != 1 || !variables[0].isFact()
                || !shape.pattern().getDeclaration().getIdentifier().equals(variables[0].getName())) {
            return null;
        }
        return new Fired(rule, shape.constraints(), shape.tests(), consequence.getBlock(),
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
