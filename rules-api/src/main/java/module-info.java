/**
 * The scoring API of iso-scoring: the request and the result of scoring (records), reading and writing them as JSON
 * ({@link org.isoscoring.api.ScoringJson}), and the engine that scores them
 * ({@link org.isoscoring.api.ScoringEngine#create()}, found through {@link java.util.ServiceLoader}: add
 * {@code org.isoscoring:rules-drools} at run time). Nothing here depends on the rule engine.
 *
 * <p>On the module path: {@code requires org.isoscoring.api;}, with {@code rules-drools} and Drools on the class
 * path (Drools 10 is not made of modules; as automatic modules on the module path the engine does not find its
 * precompiled rules). The package {@link org.isoscoring.api.spi} is for engines.
 */
module org.isoscoring.api {
    requires com.fasterxml.jackson.databind;

    exports org.isoscoring.api;
    exports org.isoscoring.api.spi;

    uses org.isoscoring.api.ScoringEngine;
    uses org.isoscoring.api.GuidanceTools;
}
